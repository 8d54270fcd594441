import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  getExternalWorkflowHandle,
  log,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Handler } from '@temporalio/workflow/lib/interfaces.js';
import type { UpdateDefinition } from '@temporalio/common';
import type { Activities } from '../../activities/index.ts';
import type {
  ActionRequest,
  AttachRequest,
  ClaimRequest,
  ForwardWithBatchRequest,
  SubmitWithLedgerRequest,
} from '../../model/cases/case-actions.ts';
import { refuseClaim } from '../../model/leaders/claims.ts';
import { ROLES, type Actor } from '../../model/directory/roles.ts';
import { describeOutcome, type Level } from '../../model/cases/outcome.ts';
import {
  workingDaysAt,
  type CaseEventData,
  type CaseEventRecord,
  type CaseSnapshot,
  type CaseWorkflowInput,
} from '../../model/cases/case.ts';
import { refuseOwnerStep, type CaseOwner, type OwnerRefusal, type OwnerStep } from '../../model/cases/owner.ts';
import type { CaseDetails } from '../../model/cases/case-details.ts';
import type { PrimaryOutcome } from '../../model/cases/outcome.ts';
import {
  CASE_ACTIONS,
  TRANSITIONS,
  availableActions,
  holdingLevelOf,
  isFinalStatus,
  refuseUpdate,
  targetOf,
  transitionOf,
  type CaseAction,
  type CaseStatus,
  type NoticeKind,
  type TransitionName,
  type UpdateVia,
} from '../../model/cases/lifecycle.ts';
import { refusedForGood } from '../refusals.ts';
import { currentOrigin, withOrigin, type Origin } from '../request-context.ts';
import { isOverdue, nextMilestone, pauseClock, resumeClock, startClock, takeDueMilestones, type DeadlineClock } from './deadline-clock.ts';
import {
  LEDGER_REFUSAL,
  LEDGER_REFUSED_FAILURE,
  UPDATE_REJECTIONS,
  caseActionUpdates,
  caseCycleUpdates,
  caseRecordedUpdate,
  caseSnapshotQuery,
  claimProjectUpdate,
  duplicateAttachedSignal,
  forwardedInBatchSignal,
  ledgerSubmittedSignal,
  fileAddedSignal,
  primaryClosedSignal,
  updateRefusal,
  workflowIdForCase,
} from '../definitions.ts';

const retry = { backoffCoefficient: 2, nonRetryableErrorTypes: ['CaseNotFound', LEDGER_REFUSAL] };
// Ledger writes and deadline arithmetic are short and idempotent: local activities run them in the
// worker that holds the workflow, without a round trip through the server for each one.
const ledger = proxyLocalActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  localRetryThreshold: '10 seconds',
  retry: { ...retry, initialInterval: '1 second', maximumInterval: '1 minute' },
});
const mail = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { ...retry, initialInterval: '5 seconds', maximumInterval: '10 minutes' },
});

/**
 * Patch: a case has a named owner inside the level holding it, cleared (with an event) when the case
 * leaves that level. Workflows started before it replay their status changes without that check.
 */
export const CASE_OWNERS_PATCH = 'case-owners';
/**
 * Patch: an urgent duplicate merged into a regular case makes it urgent, due no later than the
 * duplicate was. Workflows started before it recorded the duplicate and kept their own deadline.
 */
export const URGENT_DUPLICATE_PATCH = 'urgent-duplicate-deadline';

/** Each job carries where it came from: the API request and trace span that queued it (none for the workflow's own timers). */
type Job = (
  | { kind: 'deadline'; level: Level; workingDays: number; epoch: number }
  | { kind: 'feedbackDeadline' }
  | { kind: 'project'; event: Omit<CaseEventRecord, 'state'> }
  | { kind: 'notice'; notice: NoticeKind; sequence: number; level: Level }
  | { kind: 'attachToPrimary'; primaryCaseId: string; urgentDueAt?: string }
  | { kind: 'closeDuplicates'; only?: string }
) & { origin?: Origin };

/**
 * One case of the linkage ledger, from filing until it is closed. The workflow owns the state; every
 * Update changes it synchronously through the transition table (model/cases/lifecycle.ts) and queues its
 * effects, which one loop carries out in order: deadlines from the working-day calendar, the ledger
 * projection, e-mails, and messages to merged cases. Between jobs the loop sleeps until the next
 * deadline milestone.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseSnapshot> {
  const { policy, resume } = input;
  const filing = { ...(resume?.filing ?? input.filing) };
  const details: CaseDetails = { ...resume?.details };
  let status = resume?.status ?? initialStatus(filing.urgent);
  let level: Level = resume?.responsibleLevel ?? (filing.urgent ? 'district' : 'street');
  let clock: DeadlineClock | undefined = resume?.clock ? { ...resume.clock, sent: [...resume.clock.sent] } : undefined;
  // Bumped whenever a level's clock is started or dropped, so a deadline computed for a level the
  // case has meanwhile left is thrown away instead of starting a clock nobody owns.
  let clockEpoch = 0;
  let feedbackDueAt: number | undefined = resume?.feedbackDueAt ?? undefined;
  // Who holds the case inside its level, and the event that named them (model/cases/owner.ts).
  let owner: (CaseOwner & { sequence: number }) | undefined = resume?.owner ?? undefined;
  let calendarVersion: number | null = resume?.calendarVersion ?? null;
  // A resumed case's events are in the ledger already: its new ones continue their sequence.
  let lastSequence = resume?.lastSequence ?? 0;
  let projectedSequence = lastSequence;
  const jobs: Job[] = [];
  const queue = (job: Job) => jobs.push({ ...job, origin: currentOrigin() });
  // Notices go out beside the ledger pipeline, so a slow or dead mail attempt never holds up a transition.
  let noticesInFlight = 0;
  // Why the ledger refused an event for good: the Updates waiting for it fail, and the case ends.
  let ledgerRefusal: string | undefined;

  const levelDays = (l: Level) => workingDaysAt(policy, l, filing.urgent);
  const activeDueAt = () =>
    clock && clock.pausedAt === undefined ? clock.dueAt : status === 'awaiting_feedback' ? feedbackDueAt : undefined;
  const snapshot = (): CaseSnapshot => {
    const due = activeDueAt();
    return {
      caseId: input.caseId,
      status,
      urgent: filing.urgent,
      requestHash: input.requestHash,
      responsibleLevel: level,
      dueAt: due === undefined ? null : new Date(due).toISOString(),
      overdue: isOverdue(clock),
      nextActions: Object.fromEntries(
        ROLES.map((role) => [role, availableActions(status, role)] as const).filter(([, actions]) => actions.length > 0),
      ),
      owner: owner ? { userId: owner.userId, orgUnitId: owner.orgUnitId, level: owner.level } : null,
      projectedSequence,
      lastSequence,
    };
  };

  /** Takes a transition of the table: moves the status, and queues its ledger row and notices. */
  function record(
    name: TransitionName,
    actor: Actor | null,
    comment: string | null,
    { choice, data }: { choice?: CaseStatus; data?: CaseEventData } = {},
  ): number {
    const transition = TRANSITIONS[name];
    const from = lastSequence === 0 ? null : status;
    status = targetOf(name, from, choice);
    lastSequence += 1;
    queue({
      kind: 'project',
      event: {
        sequence: lastSequence,
        type: transition.event,
        actor,
        fromStatus: from,
        toStatus: status,
        comment,
        ...(data ? { data } : {}),
        occurredAt: new Date().toISOString(),
      },
    });
    for (const notice of transition.notices) queue({ kind: 'notice', notice, sequence: lastSequence, level });
    if (isFinalStatus(status)) queue({ kind: 'closeDuplicates' });
    return clearOwnerIfMoved();
  }
  /**
   * The case left the level its owner works at (a handover, a return, a close): the owner no longer
   * holds it, recorded as an event of its own. The last sequence is returned, so a step's Update waits
   * until both are in the ledger. Under the patch: every status change of older workflows runs here.
   */
  function clearOwnerIfMoved(): number {
    if (!owner || owner.level === holdingLevelOf(status) || !patched(CASE_OWNERS_PATCH)) return lastSequence;
    const former = owner.userId;
    owner = undefined;
    return record('clearOwner', null, null, { data: { owner: { userId: former } } });
  }
  /** A step several levels take (notes, files, owners): the transition of the actor's level, as the validator found it. */
  const recordStep = (via: UpdateVia, actor: Actor, comment: string | null, data?: CaseEventData) => {
    const name = transitionOf(via, status, actor.role);
    if (!name) throw ApplicationFailure.nonRetryable(`no ${via} transition for ${actor.role} from ${status}`);
    return record(name, actor, comment, { data });
  };
  /** Names who holds the case inside the level holding it (the validator has checked the level holds it). */
  const nameOwner = (actor: Actor, named: Actor, via: 'take' | 'assignOwner', comment: string | null) => {
    const holding = holdingLevelOf(status);
    if (!holding) throw ApplicationFailure.nonRetryable(`nobody holds a case that is ${status}`);
    const sequence = recordStep(via, actor, comment, { owner: { userId: named.userId } });
    owner = { userId: named.userId, orgUnitId: named.orgUnitId, level: holding, sequence };
    return sequence;
  };
  const stopClock = () => {
    clock = undefined;
    clockEpoch += 1;
  };
  const enterLevel = (next: Level) => {
    level = next;
    stopClock();
    if (next !== 'street') queue({ kind: 'deadline', level: next, workingDays: levelDays(next), epoch: clockEpoch });
  };
  const awaitFeedback = () => {
    level = 'street';
    stopClock();
    queue({ kind: 'feedbackDeadline' });
  };

  const steps: { [A in CaseAction]: (request: ActionRequest<A>) => number } = {
    submit: ({ actor, comment }) => {
      enterLevel('district');
      return record('submit', actor, comment ?? null);
    },
    resubmit: ({ actor, comment, edits, attachments }) => {
      Object.assign(filing, edits ?? {});
      level = 'district';
      if (clock) clock = resumeClock(clock, Date.now());
      else enterLevel('district');
      return record('resubmit', actor, comment ?? null, attachments?.length ? { data: { attachments } } : {});
    },
    forward: ({ actor, summary }) => {
      details.districtSummary = summary;
      enterLevel('municipal');
      return record('forward', actor, summary);
    },
    solve: ({ actor, resolution }) => {
      details.resolution = { level: 'district', text: resolution, solved: true };
      awaitFeedback();
      return record('solve', actor, resolution);
    },
    return: ({ actor, questions }) => {
      details.questions = questions;
      level = 'street';
      if (clock) clock = pauseClock(clock, Date.now());
      return record('return', actor, questions);
    },
    merge: ({ actor, primaryCaseId, primaryNumber, comment }) => {
      details.mergedIntoCaseId = primaryCaseId;
      details.mergedIntoNumber = primaryNumber;
      // An urgent case hands its deadline on to the case it joins (taken there if it is the sooner).
      const due = filing.urgent ? activeDueAt() : undefined;
      stopClock();
      queue({ kind: 'attachToPrimary', primaryCaseId, ...(due === undefined ? {} : { urgentDueAt: new Date(due).toISOString() }) });
      return record('merge', actor, comment ?? null);
    },
    reject: ({ actor, reason }) => {
      details.rejectionReason = reason;
      stopClock();
      return record('reject', actor, reason);
    },
    assign: ({ actor, coordinatingBody, comment }) => {
      details.coordinatingBody = coordinatingBody;
      return record('assign', actor, comment ?? coordinatingBody);
    },
    note: ({ actor, note }) => recordStep('note', actor, note),
    resolve: ({ actor, resolution }) => {
      details.resolution = { level: 'municipal', text: resolution, solved: true };
      awaitFeedback();
      return record('resolve', actor, resolution);
    },
    declareUnsolvable: ({ actor, reason, referTo }) => {
      details.resolution = { level: 'municipal', text: reason, solved: false, referTo };
      awaitFeedback();
      return record('declareUnsolvable', actor, `${reason} (turn to: ${referTo})`);
    },
    feedback: ({ actor, satisfied, reason }) => {
      details.feedback = { satisfied, reason };
      if (satisfied) {
        details.closedBecause = 'reporter_satisfied';
        return record('reporterSatisfied', actor, reason ?? null);
      }
      const reopenAt: Level = details.resolution?.level === 'municipal' ? 'municipal' : 'district';
      details.reopenCount = (details.reopenCount ?? 0) + 1;
      enterLevel(reopenAt);
      return record('reopen', actor, reason ?? null, { choice: reopenAt === 'municipal' ? 'municipal_coordination' : 'district_review' });
    },
    take: ({ actor, comment }) => nameOwner(actor, actor, 'take', comment ?? null),
    assignOwner: ({ actor, assignee, comment }) => nameOwner(actor, assignee, 'assignOwner', comment ?? null),
    release: ({ actor, comment }) => {
      const former = owner?.userId ?? actor.userId;
      owner = undefined;
      return recordStep('release', actor, comment ?? null, { owner: { userId: former } });
    },
  };
  // Each file once in the history, however often its signal is delivered; none once the case has
  // moved where the sender may no longer add files (it was stored just before the move).
  const filesRecorded = new Set<string>(resume?.attachmentIds);
  const attach = ({ actor, attachment }: AttachRequest) => {
    if (filesRecorded.has(attachment.id) || refuseUpdate('attach', status, actor.role)) return;
    filesRecorded.add(attachment.id);
    recordStep('attach', actor, attachment.fileName, { attachments: [attachment] });
  };
  const cycleMoves = {
    submitWithLedger: ({ actor, cycle }: SubmitWithLedgerRequest) => {
      details.cycle = cycle;
      enterLevel('district');
      return record('submitWithLedger', actor, `ledger ${cycle}`);
    },
    forwardWithBatch: ({ actor, cycle, summary }: ForwardWithBatchRequest) => {
      details.districtSummary = summary;
      enterLevel('municipal');
      return record('forwardWithBatch', actor, `batch ${cycle}: ${summary}`);
    },
  };

  /** "Lead in helping": a unit's leader leads the project; it counts for them once it closes as solved. */
  const claim = ({ actor, leaderId, leaderName, unitName }: ClaimRequest) => {
    const claimedAt = new Date().toISOString();
    details.claim = { unitId: actor.orgUnitId, unitName, leaderId, leaderName, claimedAt, claimedByUserId: actor.userId };
    return record('claim', actor, `${unitName}: ${leaderName}`);
  };

  /** An Update's validator: the table says whether this taker may take it from the current status. */
  const validate = (via: UpdateVia, actor: Actor | null) => {
    const refusal = refuseUpdate(via, status, actor?.role ?? 'system');
    if (refusal) throw updateRefusal(refusal);
  };
  const untilProjected = async (sequence: number) => {
    await condition(() => projectedSequence >= sequence || ledgerRefusal !== undefined);
    if (projectedSequence < sequence && ledgerRefusal !== undefined)
      throw ApplicationFailure.nonRetryable(ledgerRefusal, UPDATE_REJECTIONS.invalidInput);
    return snapshot();
  };
  setHandler(caseSnapshotQuery, snapshot);
  setHandler(caseRecordedUpdate, () => untilProjected(1));
  const takeUpdate = <R extends { actor: Actor | null }>(
    update: UpdateDefinition<CaseSnapshot, [R]>,
    via: UpdateVia,
    step: (request: R) => number,
    refuse: (request: R) => OwnerRefusal | undefined = () => undefined,
  ) =>
    setUpdateHandler(
      update,
      (request) => untilProjected(step(request)),
      (request) => {
        validate(via, request.actor);
        const refusal = refuse(request);
        if (refusal) throw updateRefusal(refusal);
      },
    );
  /** The rules of the owner steps the table cannot hold: whether someone holds the case, and whom it may go to. */
  const refuseOwner =
    (ownerStep: OwnerStep) =>
    (request: { actor: Actor; assignee?: Actor }): OwnerRefusal | undefined =>
      refuseOwnerStep(ownerStep, {
        owner: owner ?? null,
        actor: request.actor,
        assignee: request.assignee,
        level: holdingLevelOf(status) ?? level,
        filingUnitId: input.filingUnitId,
      });
  const OWNER_STEPS: Partial<Record<CaseAction, OwnerStep>> = { take: 'take', assignOwner: 'assignOwner', release: 'release' };
  for (const action of CASE_ACTIONS) takeStep(action);
  function takeStep<A extends CaseAction>(action: A) {
    const ownerStep = OWNER_STEPS[action];
    takeUpdate<ActionRequest<A>>(caseActionUpdates[action], action, steps[action], ownerStep ? refuseOwner(ownerStep) : undefined);
  }
  takeUpdate(caseCycleUpdates.submitWithLedger, 'submitWithLedger', cycleMoves.submitWithLedger);
  takeUpdate(caseCycleUpdates.forwardWithBatch, 'forwardWithBatch', cycleMoves.forwardWithBatch);
  takeUpdate(claimProjectUpdate, 'claim', claim, () => {
    const refusal = refuseClaim(filing.kind, details);
    return refusal ? { kind: 'invalid_state', said: refusal } : undefined;
  });
  setHandler(fileAddedSignal, attach);
  // Deprecated signals of cycles started before the moves were Updates: kept so those histories replay.
  setHandler(ledgerSubmittedSignal, (request) => {
    if (status === 'awaiting_submission') cycleMoves.submitWithLedger(request);
  });
  setHandler(forwardedInBatchSignal, (request) => {
    if (status === 'district_review') cycleMoves.forwardWithBatch(request);
  });
  setHandler(duplicateAttachedSignal, ({ caseId, urgentDueAt }) => {
    details.duplicateCaseIds = [...(details.duplicateCaseIds ?? []), caseId];
    // Closed before it heard of the duplicate: tell the duplicate at once instead of recording a link.
    if (isFinalStatus(status)) queue({ kind: 'closeDuplicates', only: caseId });
    else {
      if (urgentDueAt !== undefined && !filing.urgent && patched(URGENT_DUPLICATE_PATCH)) takeUrgency(Date.parse(urgentDueAt));
      record('attachDuplicate', null, caseId);
    }
  });
  /**
   * An urgent duplicate joined this regular case: the case is urgent from now on (a later level gets
   * the urgent working days), and the level holding it must act by the duplicate's deadline when that
   * comes first; its reminders follow the shorter time. The attachment's ledger row shows both.
   */
  function takeUrgency(urgentDueAt: number) {
    filing.urgent = true;
    if (clock && urgentDueAt < clock.dueAt) clock = { ...clock, dueAt: urgentDueAt };
  }
  setHandler(primaryClosedSignal, (message) => {
    if (status === 'merged') closeWithPrimary(message.outcome ?? legacyOutcome(message));
  });

  function closeWithPrimary(outcome: PrimaryOutcome) {
    details.closedBecause = 'primary_closed';
    details.primaryOutcome = { ...outcome, number: outcome.number ?? details.mergedIntoNumber };
    record('closeWithPrimary', null, describeOutcome(details.primaryOutcome));
  }

  // A resumed case takes up its ledger state as it is: its clock is re-armed, nothing is recorded
  // until its next step or deadline. A new one is filed; a regular case stays in its unit's own
  // ledger until submitted: no handover, so no clock and no mail yet.
  if (!resume) {
    if (level === 'district') enterLevel('district');
    record(filing.urgent ? 'fileUrgent' : 'fileRegular', input.filedBy, null);
  }

  for (;;) {
    const wakeAt = earliest(nextMilestone(clock)?.at, status === 'awaiting_feedback' ? feedbackDueAt : undefined);
    const hasWork = () => jobs.length > 0;
    if (wakeAt === undefined) await condition(() => hasWork() || isFinalStatus(status));
    else await condition(hasWork, Math.max(1, wakeAt - Date.now()));

    const job = jobs.shift();
    if (job) {
      await withOrigin(job.origin, () => run(job));
      if (ledgerRefusal !== undefined) break;
      continue;
    }
    if (isFinalStatus(status)) break;
    const now = Date.now();
    const milestones = clock ? takeDueMilestones(clock, now) : [];
    const latest = milestones[milestones.length - 1];
    // The workflow's own timers act for no request (the loop itself runs in the filing's).
    if (latest !== undefined)
      withOrigin(undefined, () =>
        record(latest === 100 ? 'markOverdue' : latest === 75 ? 'remindThreeQuarters' : 'remindHalfway', null, null),
      );
    if (status === 'awaiting_feedback' && feedbackDueAt !== undefined && now >= feedbackDueAt) {
      details.closedBecause = 'no_answer';
      withOrigin(undefined, () => record('closeWithoutAnswer', null, null));
    }
  }
  // A duplicate may still attach itself while the last handlers finish: it is told the outcome too.
  while (ledgerRefusal === undefined) {
    await condition(() => jobs.length > 0 || (noticesInFlight === 0 && allHandlersFinished()));
    const job = jobs.shift();
    if (!job) break;
    await withOrigin(job.origin, () => run(job));
  }
  if (ledgerRefusal !== undefined) {
    // The ledger will never hold this event: answer the waiting Updates, then end without its effects.
    await condition(allHandlersFinished);
    throw ApplicationFailure.nonRetryable(ledgerRefusal, LEDGER_REFUSED_FAILURE);
  }
  return snapshot();

  /** A value the ledger refuses for good ends the case; anything else fails the task, to be retried. */
  function noteRefusal(error: unknown) {
    ledgerRefusal = refusedForGood(error);
  }

  async function run(job: Job) {
    switch (job.kind) {
      case 'deadline':
      case 'feedbackDeadline': {
        const now = Date.now();
        const workingDays = job.kind === 'deadline' ? job.workingDays : policy.feedbackDays;
        const due = await ledger.computeDeadline({
          from: new Date(now).toISOString(),
          workingDays,
          calendarVersion,
          utcOffsetMinutes: policy.utcOffsetMinutes,
        });
        calendarVersion = due.calendarVersion;
        if (job.kind === 'feedbackDeadline') feedbackDueAt = Date.parse(due.dueAt);
        else if (job.epoch === clockEpoch) {
          clock = startClock(job.level, now, Date.parse(due.dueAt));
          // Returned for information while the deadline was being computed: the clock starts paused.
          if (status === 'returned_for_info') clock = pauseClock(clock, now);
        }
        return;
      }
      case 'project': {
        const due = activeDueAt();
        await ledger
          .projectCaseEvent({
            workflow: input,
            event: {
              ...job.event,
              state: {
                status,
                responsibleLevel: level,
                dueAt: due === undefined ? null : new Date(due).toISOString(),
                overdue: isOverdue(clock),
                calendarVersion,
                filing,
                details,
                owner: owner ?? null,
              },
            },
          })
          .catch(noteRefusal);
        if (ledgerRefusal === undefined) projectedSequence = job.event.sequence;
        return;
      }
      case 'notice': {
        noticesInFlight += 1;
        const idempotencyKey = `${workflowInfo().workflowId}:${job.sequence}:${job.notice}`;
        void mail
          .sendCaseNotice({ caseId: input.caseId, notice: job.notice, level: job.level, idempotencyKey })
          .catch((error: unknown) => log.error('notice could not be sent', { idempotencyKey, error }))
          .finally(() => (noticesInFlight -= 1));
        return;
      }
      case 'attachToPrimary':
        try {
          await getExternalWorkflowHandle(workflowIdForCase(job.primaryCaseId)).signal(duplicateAttachedSignal, {
            caseId: input.caseId,
            ...(job.urgentDueAt ? { urgentDueAt: job.urgentDueAt } : {}),
          });
        } catch (error) {
          // The primary closed between the district's check and this message: close with its recorded result.
          log.warn('primary closed before the merge reached it', { primaryCaseId: job.primaryCaseId, error });
          if (status === 'merged') closeWithPrimary(await ledger.recordedOutcome({ caseId: job.primaryCaseId }));
        }
        return;
      case 'closeDuplicates': {
        const outcome = outcomeOf();
        for (const duplicate of job.only ? [job.only] : (details.duplicateCaseIds ?? [])) {
          await getExternalWorkflowHandle(workflowIdForCase(duplicate)).signal(primaryClosedSignal, {
            primaryCaseId: input.caseId,
            status,
            resolution: details.resolution?.text ?? details.rejectionReason,
            outcome,
          });
        }
        return;
      }
    }
  }

  function outcomeOf(): PrimaryOutcome {
    return {
      caseId: input.caseId,
      status: status === 'rejected' ? 'rejected' : 'closed',
      ...(details.resolution ? { resolution: details.resolution } : {}),
      ...(details.rejectionReason ? { rejectionReason: details.rejectionReason } : {}),
    };
  }
}

/**
 * setHandler for an Update whose payload type is a parameter: the SDK's handler type is a conditional
 * type TypeScript leaves unresolved for a type parameter; for an Update it is exactly this signature.
 */
function setUpdateHandler<R>(
  update: UpdateDefinition<CaseSnapshot, [R]>,
  handler: (request: R) => Promise<CaseSnapshot>,
  validator: (request: R) => void,
) {
  setHandler(update, handler as Handler<CaseSnapshot, [R], typeof update>, { validator });
}

function initialStatus(urgent: boolean): CaseStatus {
  return urgent ? 'district_review' : 'awaiting_submission';
}

/** A primary of an older version sent only its status and result text. */
function legacyOutcome(message: { primaryCaseId: string; status: string; resolution?: string }): PrimaryOutcome {
  return message.status === 'rejected'
    ? { caseId: message.primaryCaseId, status: 'rejected', rejectionReason: message.resolution }
    : {
        caseId: message.primaryCaseId,
        status: 'closed',
        ...(message.resolution ? { resolution: { level: 'district', text: message.resolution, solved: true } } : {}),
      };
}

function earliest(...moments: Array<number | undefined>): number | undefined {
  const defined = moments.filter((m): m is number => m !== undefined);
  return defined.length ? Math.min(...defined) : undefined;
}
