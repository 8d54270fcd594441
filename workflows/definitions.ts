import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { HalfYearDeadlines } from '../lib/half-years.ts';

/** The one task queue every case workflow and its activities run on. */
export const TASK_QUEUE = 'linkage-ledger';

export const ROLES = ['street_staff', 'district_officer', 'municipal_liaison', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const CASE_KINDS = ['unclaimed_project', 'hard_problem'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const CASE_STATUSES = [
  'awaiting_submission',
  'district_review',
  'returned_for_info',
  'municipal_coordination',
  'awaiting_feedback',
  'closed',
  'rejected',
  'merged',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Who asked for a transition. The API fills it from the authenticated session, never from the body. */
export type Actor = { userId: string; role: Role; orgUnitId: string };

/** What street staff write when they file a case (one row of Annex 3). */
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

export const LEVELS = ['street', 'district', 'municipal'] as const;
export type Level = (typeof LEVELS)[number];

/** Everything the ledger row shows besides the filing itself. */
export type CaseDetails = {
  districtSummary?: string;
  coordinatingBody?: string;
  resolution?: { level: Level; text: string; solved: boolean; referTo?: string };
  rejectionReason?: string;
  questions?: string;
  feedback?: { satisfied: boolean; reason?: string };
  mergedIntoCaseId?: string;
  duplicateCaseIds?: string[];
  closedBecause?: 'reporter_satisfied' | 'no_answer' | 'primary_closed';
  /** The half-year whose ledger carried the case to the district. */
  cycle?: string;
  reopenCount?: number;
};

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
  type: string;
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
  nextActions: Partial<Record<Role, ActionName[]>>;
  /** Highest event sequence already written to the ledger. */
  projectedSequence: number;
  lastSequence: number;
};

export const workflowIdForCase = (caseId: string) => `case-${caseId}`;

/** Where the case is now. */
export const caseSnapshotQuery = defineQuery<CaseSnapshot>('caseSnapshot');

/** Resolves once the filing is in the ledger, so the API can answer with the stored row. */
export const caseRecordedUpdate = defineUpdate<CaseSnapshot>('caseRecorded');

export type FilingEdits = Partial<Pick<CaseFiling, 'title' | 'description' | 'category' | 'location' | 'triedLocally' | 'helpNeeded'>>;

/** The payload of each human step, besides who takes it. */
export type ActionCommands = {
  submit: { comment?: string };
  resubmit: { comment?: string; edits?: FilingEdits };
  forward: { summary: string };
  solve: { resolution: string };
  return: { questions: string };
  merge: { primaryCaseId: string; comment?: string };
  reject: { reason: string };
  assign: { coordinatingBody: string; comment?: string };
  note: { note: string };
  resolve: { resolution: string };
  declareUnsolvable: { reason: string; referTo: string };
  feedback: { satisfied: boolean; reason?: string };
};
export type ActionName = keyof ActionCommands;
export type ActionRequest<A extends ActionName> = ActionCommands[A] & { actor: Actor };

const actionUpdate = <A extends ActionName>(name: A) => defineUpdate<CaseSnapshot, [ActionRequest<A>]>(name);

/** One Update per human step; each has a validator in the workflow. */
export const caseActionUpdates = {
  submit: actionUpdate('submit'),
  resubmit: actionUpdate('resubmit'),
  forward: actionUpdate('forward'),
  solve: actionUpdate('solve'),
  return: actionUpdate('return'),
  merge: actionUpdate('merge'),
  reject: actionUpdate('reject'),
  assign: actionUpdate('assign'),
  note: actionUpdate('note'),
  resolve: actionUpdate('resolve'),
  declareUnsolvable: actionUpdate('declareUnsolvable'),
  feedback: actionUpdate('feedback'),
} satisfies { [A in ActionName]: ReturnType<typeof actionUpdate<A>> };

/** A duplicate tells its primary it now follows it (fire-and-forget). */
export const duplicateAttachedSignal = defineSignal<[{ caseId: string }]>('duplicateAttached');
/** The primary tells each duplicate that it closed, and how. */
export const primaryClosedSignal = defineSignal<[{ primaryCaseId: string; status: CaseStatus; resolution?: string }]>('primaryClosed');

/** Failure types an Update rejects with; the API maps each to an HTTP status. */
export const UPDATE_REJECTIONS = {
  forbidden: 'ForbiddenTransition',
  invalidState: 'InvalidTransition',
  invalidInput: 'InvalidCommand',
} as const;

// ---- The semi-annual ledger cycle -------------------------------------------------------------

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

export type CyclePhase = 'open' | 'awaiting_review' | 'chasing' | 'closed';
export type CycleSnapshot = {
  cycle: string;
  districtId: string;
  phase: CyclePhase;
  submittedUnitIds: string[];
  lateUnitIds: string[];
  forwardedCaseIds: string[];
};

export const workflowIdForCycle = (cycle: string, districtId: string) => `cycle-${cycle}-${districtId}`;
export const cycleRowId = (cycle: string, districtId: string) => `${cycle}:${districtId}`;

export const cycleSnapshotQuery = defineQuery<CycleSnapshot>('cycleSnapshot');
/** A filing unit submits its ledger: its pending regular cases go to the district. */
export const submitLedgerUpdate = defineUpdate<{ caseIds: string[]; late: boolean }, [{ actor: Actor }]>('submitLedger');
/** A district officer approves (and annotates) the summary; the batch then goes to the city. */
export const approveSummaryUpdate = defineUpdate<CycleSnapshot, [{ actor: Actor; note?: string }]>('approveSummary');

/** To a case: it went to the district with its unit's ledger. */
export const ledgerSubmittedSignal = defineSignal<[{ actor: Actor; cycle: string }]>('ledgerSubmitted');
/** To a case: the district forwarded it to the city with the cycle's batch. */
export const forwardedInBatchSignal = defineSignal<[{ actor: Actor | null; cycle: string; summary: string }]>('forwardedInBatch');

export type OpenCyclesInput = { cycle?: string };
