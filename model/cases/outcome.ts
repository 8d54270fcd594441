/**
 * The levels a case climbs and how a case's result reads. Plain TypeScript (no Zod): the case workflow
 * imports it, and every module workflow code reaches is evaluated again for each workflow started.
 */
export const LEVELS = ['street', 'district', 'municipal'] as const;
export type Level = (typeof LEVELS)[number];

export type Resolution = { level: Level; text: string; solved: boolean; referTo?: string };

/** How a primary case ended, as its merged duplicates carry it. */
export type PrimaryOutcome = {
  caseId: string;
  /** The primary's ledger number, when the merge knew it (older merges did not record it). */
  number?: number;
  status: 'closed' | 'rejected';
  resolution?: Resolution;
  rejectionReason?: string;
};

/**
 * A duplicate telling its primary that it now follows it. An urgent one brings the deadline it was
 * working to, which the primary takes when it is the sooner (older duplicates sent only their id).
 */
export type DuplicateAttached = { caseId: string; urgentDueAt?: string };

const OUTCOME_WORDS = {
  en: {
    merged: (n: string) => `merged into ${n}`,
    rejected: 'rejected',
    resolved: 'resolved',
    unsolvable: 'unsolvable',
    closed: 'closed',
    sep: ': ',
  },
  zh: {
    merged: (n: string) => `已并入${n}`,
    rejected: '不予受理',
    resolved: '已解决',
    unsolvable: '无法解决',
    closed: '已办结',
    sep: '：',
  },
};

/** What a merged duplicate says of its primary's result: "merged into #12: resolved: ..." (the ledger comment, Annex 3, mail). */
export function describeOutcome(outcome: PrimaryOutcome, lang: 'zh' | 'en' = 'en'): string {
  const w = OUTCOME_WORDS[lang];
  const into = w.merged(outcome.number === undefined ? outcome.caseId : `#${outcome.number}`);
  if (outcome.status === 'rejected') return [into, w.rejected, outcome.rejectionReason ?? ''].join(w.sep);
  if (!outcome.resolution) return [into, w.closed].join(w.sep);
  return [into, outcome.resolution.solved ? w.resolved : w.unsolvable, outcome.resolution.text].join(w.sep);
}
