import { defineQuery, defineUpdate } from '@temporalio/workflow';

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

export type CaseWorkflowInput = {
  caseId: string;
  filingUnitId: string;
  filedBy: Actor;
  idempotencyKey: string;
  requestHash: string;
  filing: CaseFiling;
};

export type CaseEventRecord = {
  sequence: number;
  type: string;
  actor: Actor | null;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  comment: string | null;
  occurredAt: string;
};

export type CaseSnapshot = {
  caseId: string;
  status: CaseStatus;
  urgent: boolean;
  requestHash: string;
  /** Highest event sequence already written to the ledger. */
  projectedSequence: number;
  lastSequence: number;
};

export const workflowIdForCase = (caseId: string) => `case-${caseId}`;

/** Where the case is now. */
export const caseSnapshotQuery = defineQuery<CaseSnapshot>('caseSnapshot');

/** Resolves once the filing is in the ledger, so the API can answer with the stored row. */
export const caseRecordedUpdate = defineUpdate<CaseSnapshot>('caseRecorded');

export type SubmitToDistrictCommand = { actor: Actor; comment?: string };
/** Street staff hand a regular case to the district ahead of the semi-annual cycle. */
export const submitToDistrictUpdate = defineUpdate<CaseSnapshot, [SubmitToDistrictCommand]>('submitToDistrict');

/** Failure types an Update rejects with; the API maps each to an HTTP status. */
export const UPDATE_REJECTIONS = {
  forbidden: 'ForbiddenTransition',
  invalidState: 'InvalidTransition',
} as const;
