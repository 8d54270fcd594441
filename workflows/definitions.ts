import type { UpdateDefinition } from '@temporalio/common';
import { ApplicationFailure, defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type {
  ActionRequest,
  AttachRequest,
  ClaimRequest,
  ForwardWithBatchRequest,
  SubmitWithLedgerRequest,
} from '../model/cases/case-actions.ts';
import type { Actor } from '../model/directory/roles.ts';
import type { Refusal, RuleRefusal } from '../model/lifecycle.ts';
import type { CaseSnapshot, CaseWorkflowInput } from '../model/cases/case.ts';
import type { CycleSnapshot, CycleWorkflowInput, OpenCyclesInput } from '../model/cycle/cycle.ts';
import type { Annex3ExportInput } from '../model/exports/export-settings.ts';
import type { DuplicateAttached, PrimaryOutcome } from '../model/cases/outcome.ts';
import type { CaseAction } from '../model/cases/lifecycle.ts';
import type {
  AppendixSubmissionRequest,
  OpenQuotaTrackersInput,
  QuotaTrackerInput,
  QuotaTrackerSnapshot,
} from '../model/leaders/leaders.ts';
import type { FeedbackSnapshot, MemberFeedbackInput, OpenMemberFeedbackInput } from '../model/party/feedback.ts';
import type { RoundAction } from '../model/party/round-lifecycle.ts';
import type { RoundRequest, RoundSnapshot, RoundWorkflowInput } from '../model/party/rounds.ts';
import type { DeliveryWorkflowInput, FeedSettings } from '../model/webhooks/delivery.ts';
import type { BulkProgress, BulkStepInput } from '../model/bulk/bulk-steps.ts';

/**
 * The Temporal contract, declared once: task queue, workflow ids, queries, updates and signals.
 * The types they carry live in model/.
 */
export const TASK_QUEUE = 'linkage-ledger';

/**
 * The Temporal header that carries the id of the API request behind a workflow start, Update or
 * Signal on to the activities it causes, so their log lines name the request (workflows/interceptors.ts).
 */
export const REQUEST_ID_HEADER = 'ledger-request-id';

/**
 * Every workflow by its type name, with its signature. Callers start one by name with this type
 * (`workflow.start<Workflows['caseWorkflow']>('caseWorkflow', …)`), so nothing outside workflows/
 * imports workflow code; workflows/index.ts fails to compile when the code and this list part.
 */
export type Workflows = {
  caseWorkflow: (input: CaseWorkflowInput) => Promise<CaseSnapshot>;
  openCyclesWorkflow: (input: OpenCyclesInput) => Promise<{ cycle: string; started: string[] }>;
  districtCycleWorkflow: (input: CycleWorkflowInput) => Promise<CycleSnapshot>;
  annex3ExportWorkflow: (input: Annex3ExportInput) => Promise<{ rows: number; bytes: number }>;
  openQuotaTrackersWorkflow: (input: OpenQuotaTrackersInput) => Promise<{ year: number; started: string[] }>;
  quotaTrackerWorkflow: (input: QuotaTrackerInput) => Promise<QuotaTrackerSnapshot>;
  openMemberFeedbackWorkflow: (input: OpenMemberFeedbackInput) => Promise<{ year: number; started: boolean }>;
  memberFeedbackWorkflow: (input: MemberFeedbackInput) => Promise<FeedbackSnapshot>;
  recommendationRoundWorkflow: (input: RoundWorkflowInput) => Promise<RoundSnapshot>;
  webhookFeedWorkflow: (settings: FeedSettings) => Promise<void>;
  webhookDeliveryWorkflow: (input: DeliveryWorkflowInput) => Promise<void>;
  bulkStepWorkflow: (input: BulkStepInput) => Promise<BulkProgress>;
};
export type WorkflowName = keyof Workflows;

export const workflowIdForCase = (caseId: string) => `case-${caseId}`;
/** The case a workflow id is for, or undefined for every other workflow. */
export const caseIdOfWorkflow = (workflowId: string): string | undefined => /^case-(.+)$/.exec(workflowId)?.[1];
export const workflowIdForCycle = (cycle: string, districtId: string) => `cycle-${cycle}-${districtId}`;

/** Where the case is now. */
export const caseSnapshotQuery = defineQuery<CaseSnapshot>('caseSnapshot');

/** Resolves once the filing is in the ledger, so the API can answer with the stored row. */
export const caseRecordedUpdate = defineUpdate<CaseSnapshot>('caseRecorded');

const actionUpdate = <A extends CaseAction>(name: A) => defineUpdate<CaseSnapshot, [ActionRequest<A>], A>(name);

/** One Update per human step; each has a validator in the workflow, from the transition table. */
export const caseActionUpdates: { [A in CaseAction]: UpdateDefinition<CaseSnapshot, [ActionRequest<A>], A> } = {
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
  take: actionUpdate('take'),
  assignOwner: actionUpdate('assignOwner'),
  release: actionUpdate('release'),
};

/**
 * A file added to the case, recorded in its history. A Signal: the file is already stored (the domain
 * checked the table and the cap under the case's lock), so nothing waits on the workflow's answer.
 */
export const fileAddedSignal = defineSignal<[AttachRequest]>('fileAdded');

/** The cycle's moves on a case: Updates, so the cycle records only what each case accepted. */
export const caseCycleUpdates = {
  submitWithLedger: defineUpdate<CaseSnapshot, [SubmitWithLedgerRequest]>('submitWithLedger'),
  forwardWithBatch: defineUpdate<CaseSnapshot, [ForwardWithBatchRequest]>('forwardWithBatch'),
};

/** A unit with a leader at its head claims an unclaimed public-service project. */
export const claimProjectUpdate = defineUpdate<CaseSnapshot, [ClaimRequest]>('claimProject');

/** A duplicate tells its primary it now follows it (nothing to confirm: the duplicate is already merged). */
export const duplicateAttachedSignal = defineSignal<[DuplicateAttached]>('duplicateAttached');
/** The primary tells each duplicate that it closed, and how. */
export const primaryClosedSignal =
  defineSignal<[{ primaryCaseId: string; status: string; resolution?: string; outcome?: PrimaryOutcome }]>('primaryClosed');

/** Failure types an Update rejects with; the API maps each to an HTTP status. */
export const UPDATE_REJECTIONS = {
  forbidden: 'ForbiddenTransition',
  invalidState: 'InvalidTransition',
  invalidInput: 'InvalidCommand',
} as const;

/**
 * A transition table's refusal as an Update's validator throws it: the wrong taker as forbidden, the
 * wrong state as invalid. The refusal goes along as the failure's details, so the API can word it in
 * the reader's language (validators do not run on replay: no history depends on this).
 */
export const updateRefusal = (refusal: Refusal<string, string> | RuleRefusal, type: string = REJECTION_OF_KIND[refusal.kind]) =>
  ApplicationFailure.create({
    message: 'said' in refusal ? refusal.said.en : refusal.message,
    type,
    nonRetryable: true,
    details: [refusal],
  });

const REJECTION_OF_KIND = {
  forbidden: UPDATE_REJECTIONS.forbidden,
  invalid_state: UPDATE_REJECTIONS.invalidState,
  invalid_input: UPDATE_REJECTIONS.invalidInput,
} as const satisfies Record<RuleRefusal['kind'], string>;

/**
 * The ledger refused a value for good (a date PostgreSQL cannot store): the projection activity's
 * failure type, never retried. The Update waiting for that event fails with `invalidInput`, and the
 * case workflow ends failed with `ledgerRefusedFailure`: the ledger holds what it accepted before.
 */
export const LEDGER_REFUSAL = 'InvalidInput';
export const LEDGER_REFUSED_FAILURE = 'LedgerRefused';

export const cycleSnapshotQuery = defineQuery<CycleSnapshot>('cycleSnapshot');
/** A filing unit submits its ledger: its pending regular cases go to the district. */
export const submitLedgerUpdate = defineUpdate<{ caseIds: string[]; late: boolean }, [{ actor: Actor }]>('submitLedger');
/** A district officer approves (and annotates) the summary; the batch then goes to the city. */
export const approveSummaryUpdate = defineUpdate<CycleSnapshot, [{ actor: Actor; note?: string }]>('approveSummary');

/**
 * Deprecated: how cycles moved cases before the moves became Updates. Kept only so that cycles and
 * cases started before that change replay; nothing sends them any more.
 */
export const ledgerSubmittedSignal = defineSignal<[{ actor: Actor; cycle: string }]>('ledgerSubmitted');
export const forwardedInBatchSignal = defineSignal<[{ actor: Actor | null; cycle: string; summary: string }]>('forwardedInBatch');

// ---- Leaders' quota trackers and the appendices (section Two) ----------------------------------------

export const workflowIdForQuotaTracker = (year: number, unitId: string) => `quota-${year}-${unitId}`;

export const quotaTrackerQuery = defineQuery<QuotaTrackerSnapshot>('quotaTracker');
/** Something counted changed (an activity confirmed, a leader added): count again. Nothing to answer. */
export const quotaProgressSignal = defineSignal('quotaProgress');
export const submitAppendicesUpdate = defineUpdate<{ late: boolean; leaders: number }, [AppendixSubmissionRequest]>('submitAppendices');

// ---- Party members' double reporting (section Four) -------------------------------------------------

export const workflowIdForFeedback = (year: number) => `member-feedback-${year}`;
export const feedbackSnapshotQuery = defineQuery<FeedbackSnapshot>('memberFeedbackSnapshot');

export const workflowIdForRound = (year: number, unitId: string) => `recommendation-${year}-${unitId}`;
const roundUpdate = <A extends RoundAction>(name: A) => defineUpdate<RoundSnapshot, [RoundRequest<A>]>(`round:${name}`);

/** One Update per step of the round; each has a validator in the workflow. */
export const roundUpdates: { [A in RoundAction]: ReturnType<typeof roundUpdate<A>> } = {
  nominate: roundUpdate('nominate'),
  shortlist: roundUpdate('shortlist'),
  decide: roundUpdate('decide'),
  submit: roundUpdate('submit'),
  approve: roundUpdate('approve'),
  return: roundUpdate('return'),
};

/** Resolves once the round is opened and projected, so the API can answer with the stored row. */
export const roundReadyUpdate = defineUpdate<RoundSnapshot>('roundReady');
export const roundSnapshotQuery = defineQuery<RoundSnapshot>('roundSnapshot');

// ---- Outbound webhooks (issue 18) -------------------------------------------------------------------

/** The one feed that reads the ledger's events and records them as deliveries. */
export const WEBHOOK_FEED_WORKFLOW_ID = 'webhook-feed';
/** One delivery workflow per webhook and subject (a case, a cycle, an activity): its events go out in order. */
export const workflowIdForWebhookSubject = (webhookId: string, subject: string) => `webhook-${webhookId}-${subject}`;
/** Deliveries to send, in order; nothing to confirm (the feed signals again after a failure, and the workflow drops repeats). */
export const webhookDeliveriesSignal = defineSignal<[{ deliveryIds: string[] }]>('webhookDeliveries');
/** A receiver refused an event for good (a 4xx that a retry cannot change): the delivery's activity failure type, never retried. */
export const WEBHOOK_REFUSED = 'WebhookRefused';

// ---- Bulk steps (issue 17) --------------------------------------------------------------------------

/**
 * A bulk step runs on the case workers' queue: each of its activities sends one case's Update, which
 * the case workflow on that queue answers (workflow and activity tasks have slots of their own).
 */
export const BULK_TASK_QUEUE = TASK_QUEUE;
/** One workflow per caller and Idempotency-Key (the job id is derived from both): the same key never starts a second run. */
export const workflowIdForBulkJob = (jobId: string) => `bulk-${jobId}`;
/** The Update id of one case's step in a job: a retried activity joins the first Update, so no case is acted on twice. */
export const updateIdForBulkCase = (jobId: string, caseId: string) => `bulk-${jobId}-${caseId}`;
/** Each case's outcome so far, and the counts (done, refused, pending), readable while the job runs. */
export const bulkProgressQuery = defineQuery<BulkProgress>('bulkProgress');
