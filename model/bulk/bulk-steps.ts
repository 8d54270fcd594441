import type { Localized } from '../../lib/errors.ts';
import type { ActionBody } from '../cases/case-actions.ts';
import type { CaseAction } from '../cases/lifecycle.ts';
import type { Role } from '../directory/roles.ts';

/**
 * The steps a user may apply to many selected cases at once, each as that case's own Update: owning a
 * case (take, assign to a colleague), a note, and the district's and the filing unit's moves that need
 * one text for all (forward with one summary, return with one question, reject with one reason, submit
 * ahead of the half-year ledger). Whether a case takes it is still its transition table's to say.
 * Plain values, no schema library: workflow code imports this module.
 */
export const BULK_STEPS = ['take', 'assignOwner', 'note', 'forward', 'return', 'reject', 'submit'] as const satisfies readonly CaseAction[];
export type BulkStep = (typeof BULK_STEPS)[number];

/** At most this many cases in one bulk step: an explicit selection, or "all matching" a filter. */
export const MAX_BULK_CASES = 500;

/** The user a bulk step acts for, as the session knew them when it started (each case checks them again). */
export type BulkActor = { id: string; email: string; displayName: string; role: Role; orgUnitId: string };

/** What a bulk step's workflow is started with: the step, its one body, and the cases it is applied to, in order. */
export type BulkStepInput = {
  jobId: string;
  step: BulkStep;
  body: ActionBody<BulkStep>;
  caseIds: string[];
  actor: BulkActor;
  startedAt: string;
};

/** One case's outcome: done, or refused with the reason in both languages (its error code beside it). */
export type BulkItemResult = { caseId: string; outcome: 'done' } | { caseId: string; outcome: 'refused'; code: string; reason: Localized };
export type BulkItem = BulkItemResult | { caseId: string; outcome: 'pending' };

/** A bulk step as it stands: its counts, and each case's outcome in the order selected. */
export type BulkProgress = {
  jobId: string;
  step: BulkStep;
  startedAt: string;
  finished: boolean;
  counts: { total: number; done: number; refused: number; pending: number };
  items: BulkItem[];
};

/** The progress of a job from the outcomes known so far: what is not known yet is pending. */
export function bulkProgressOf(input: BulkStepInput, results: ReadonlyMap<string, BulkItemResult>): BulkProgress {
  const items: BulkItem[] = input.caseIds.map((caseId) => results.get(caseId) ?? { caseId, outcome: 'pending' });
  const count = (outcome: BulkItem['outcome']) => items.filter((item) => item.outcome === outcome).length;
  const pending = count('pending');
  return {
    jobId: input.jobId,
    step: input.step,
    startedAt: input.startedAt,
    finished: pending === 0,
    counts: { total: items.length, done: count('done'), refused: count('refused'), pending },
    items,
  };
}

/** Said for a case whose step could not be sent even after the retries (Temporal or the database away): try it again. */
export const BULK_STEP_NOT_SENT: Localized = {
  zh: '暂时无法办理（系统服务未应答），请稍后对此问题单独重试',
  en: 'could not be taken now (a service did not answer); try this case again later',
};
