import type { HalfYearDeadlines } from '../../lib/half-years.ts';
import type { CaseDetails, PrimaryOutcome } from './case-details.ts';
import type { CaseAction, CaseEventType, CaseStatus } from './lifecycle.ts';

/**
 * The case model shared by the API, the activities and the workflows: plain types and constants, no
 * Temporal handles (those live in workflows/definitions.ts) and no I/O, so every layer can import it.
 */
export const ROLES = ['street_staff', 'district_officer', 'municipal_liaison', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const CASE_KINDS = ['unclaimed_project', 'hard_problem'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const LEVELS = ['street', 'district', 'municipal'] as const;
export type Level = (typeof LEVELS)[number];

/** Who asked for a transition. The API fills it from the authenticated session, never from the body. */
export type Actor = { userId: string; role: Role; orgUnitId: string };

/** What street staff write when they file a case (one row of Annex 3); the API's filing schema outputs exactly this. */
export type CaseFiling = {
  kind: CaseKind;
  urgent: boolean;
  title: string;
  description: string;
  category: string;
  location: string;
  foundOn: string;
  triedLocally: string;
  helpNeeded: string;
  reporter: { name: string; contact?: string; email?: string };
};

/** Working days each level has, fixed into the workflow when the case is filed. */
export type DeadlinePolicy = {
  districtDays: number;
  municipalDays: number;
  urgentDistrictDays: number;
  urgentMunicipalDays: number;
  /** After the result reaches the street: working days to record the reporter's answer before the case closes. */
  feedbackDays: number;
  /** The district's UTC offset, for counting working days by its local dates. */
  utcOffsetMinutes: number;
};

export type CaseWorkflowInput = {
  caseId: string;
  filingUnitId: string;
  filedBy: Actor;
  idempotencyKey: string;
  requestHash: string;
  filing: CaseFiling;
  policy: DeadlinePolicy;
};

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

/** The projected state of the case after one event: the ledger row is overwritten with it. */
export type CaseProjection = {
  status: CaseStatus;
  responsibleLevel: Level;
  dueAt: string | null;
  overdue: boolean;
  calendarVersion: number | null;
  filing: CaseFiling;
  details: CaseDetails;
};

export type CaseEventRecord = {
  sequence: number;
  type: CaseEventType;
  actor: Actor | null;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  comment: string | null;
  occurredAt: string;
  state: CaseProjection;
};

export type CaseSnapshot = {
  caseId: string;
  status: CaseStatus;
  urgent: boolean;
  requestHash: string;
  responsibleLevel: Level;
  dueAt: string | null;
  overdue: boolean;
  /** What each role may do next (scope aside: that is the API's to check). */
  nextActions: Partial<Record<Role, CaseAction[]>>;
  /** Highest event sequence already written to the ledger. */
  projectedSequence: number;
  lastSequence: number;
};

/** The semi-annual cycle a district runs; started by the half-yearly Schedule or by hand. */
export type CycleWorkflowInput = {
  /** The half-year, e.g. 2026-H2. */
  cycle: string;
  districtId: string;
  opensAt: string;
  deadlineAt: string;
  /** Reminders this many working days before the deadline, to units that have not submitted. */
  reminderWorkingDays: number[];
  /** Hold the batch to the city until a district officer has read and approved the summary. */
  reviewFirst: boolean;
  /** Chase late units daily for this many days after the deadline. */
  chaseDays: number;
  utcOffsetMinutes: number;
  deadlines: HalfYearDeadlines;
};

export const CYCLE_PHASES = ['open', 'awaiting_review', 'chasing', 'closed'] as const;
export type CyclePhase = (typeof CYCLE_PHASES)[number];
export type CycleSnapshot = {
  cycle: string;
  districtId: string;
  phase: CyclePhase;
  submittedUnitIds: string[];
  lateUnitIds: string[];
  forwardedCaseIds: string[];
};

export const cycleRowId = (cycle: string, districtId: string) => `${cycle}:${districtId}`;
