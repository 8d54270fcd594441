import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  getExternalWorkflowHandle,
  log,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities/index.ts';
import type { NoticeKind } from '../activities/notice-templates.ts';
import { isOverdue, nextMilestone, pauseClock, resumeClock, startClock, takeDueMilestones, type DeadlineClock } from './deadline-clock.ts';
import {
  ROLES,
  UPDATE_REJECTIONS,
  caseActionUpdates,
  caseRecordedUpdate,
  caseSnapshotQuery,
  duplicateAttachedSignal,
  forwardedInBatchSignal,
  ledgerSubmittedSignal,
  primaryClosedSignal,
  workflowIdForCase,
  type ActionName,
  type ActionRequest,
  type Actor,
  type CaseDetails,
  type CaseEventRecord,
  type CaseSnapshot,
  type CaseStatus,
  type CaseWorkflowInput,
  type Level,
} from './definitions.ts';
import { TERMINAL_STATUSES, assertActionAllowed, availableActions } from './lifecycle.ts';

const retry = { backoffCoefficient: 2, nonRetryableErrorTypes: ['CaseNotFound', 'InvalidInput'] };
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

type Job =
  | { kind: 'deadline'; level: Level; workingDays: number }
  | { kind: 'feedbackDeadline' }
  | { kind: 'project'; event: Omit<CaseEventRecord, 'state'> }
  | { kind: 'notice'; notice: NoticeKind; sequence: number; level: Level }
  | { kind: 'attachToPrimary'; primaryCaseId: string }
  | { kind: 'closeDuplicates' };

/**
 * One case of the linkage ledger, from filing until it is closed. The workflow owns the state; every
 * Update changes it synchronously and queues its effects, which one loop carries out in order:
 * deadlines from the working-day calendar, the ledger projection, e-mails, and messages to merged
 * cases. Between jobs the loop sleeps until the next deadline milestone.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseSnapshot> {
  const { policy } = input;
  const filing = { ...input.filing };
  const details: CaseDetails = {};
  let status = initialStatus(filing.urgent);
  let level: Level = filing.urgent ? 'district' : 'street';
  let clock: DeadlineClock | undefined;
  let feedbackDueAt: number | undefined;
  let calendarVersion: number | null = null;
  let lastSequence = 0;
  let projectedSequence = 0;
  const jobs: Job[] = [];
  // Notices go out beside the ledger pipeline, so a slow or dead mail attempt never holds up a transition.
  let noticesInFlight = 0;

  const levelDays = (l: Level) =>
    l === 'municipal'
      ? filing.urgent
        ? policy.urgentMunicipalDays
        : policy.municipalDays
      : filing.urgent
        ? policy.urgentDistrictDays
        : policy.districtDays;
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
      projectedSequence,
      lastSequence,
    };
  };

  function record(type: string, to: CaseStatus, actor: Actor | null, comment: string | null, notices: NoticeKind[] = []): number {
    lastSequence += 1;
    const from = status;
    status = to;
    jobs.push({
      kind: 'project',
      event: {
        sequence: lastSequence,
        type,
        actor,
        fromStatus: lastSequence === 1 ? null : from,
        toStatus: to,
        comment,
        occurredAt: new Date().toISOString(),
      },
    });
    for (const notice of notices) jobs.push({ kind: 'notice', notice, sequence: lastSequence, level });
    if (TERMINAL_STATUSES.includes(to)) jobs.push({ kind: 'closeDuplicates' });
    return lastSequence;
  }
  const enterLevel = (next: Level) => {
    level = next;
    clock = undefined;
    if (next !== 'street') jobs.push({ kind: 'deadline', level: next, workingDays: levelDays(next) });
  };
  const awaitFeedback = () => {
    level = 'street';
    clock = undefined;
    jobs.push({ kind: 'feedbackDeadline' });
  };

  const steps: { [A in ActionName]: (request: ActionRequest<A>) => number } = {
    submit: ({ actor, comment }) => (
      enterLevel('district'),
      record('submitted_to_district', 'district_review', actor, comment ?? null, ['case_submitted'])
    ),
    resubmit: ({ actor, comment, edits }) => {
      Object.assign(filing, edits ?? {});
      level = 'district';
      if (clock) clock = resumeClock(clock, Date.now());
      else enterLevel('district');
      return record('resubmitted', 'district_review', actor, comment ?? null, ['case_resubmitted']);
    },
    forward: ({ actor, summary }) => {
      details.districtSummary = summary;
      enterLevel('municipal');
      return record('forwarded_to_municipal', 'municipal_coordination', actor, summary, ['case_forwarded']);
    },
    solve: ({ actor, resolution }) => {
      details.resolution = { level: 'district', text: resolution, solved: true };
      awaitFeedback();
      return record('solved_at_district', 'awaiting_feedback', actor, resolution, ['case_resolved']);
    },
    return: ({ actor, questions }) => {
      details.questions = questions;
      level = 'street';
      if (clock) clock = pauseClock(clock, Date.now());
      return record('returned_for_info', 'returned_for_info', actor, questions, ['case_returned']);
    },
    merge: ({ actor, primaryCaseId, comment }) => {
      details.mergedIntoCaseId = primaryCaseId;
      clock = undefined;
      jobs.push({ kind: 'attachToPrimary', primaryCaseId });
      return record('merged', 'merged', actor, comment ?? null, ['case_merged']);
    },
    reject: ({ actor, reason }) => {
      details.rejectionReason = reason;
      clock = undefined;
      return record('rejected', 'rejected', actor, reason, ['case_rejected']);
    },
    assign: ({ actor, coordinatingBody, comment }) => {
      details.coordinatingBody = coordinatingBody;
      return record('coordinator_assigned', status, actor, comment ?? coordinatingBody);
    },
    note: ({ actor, note }) => record('progress_note', status, actor, note),
    resolve: ({ actor, resolution }) => {
      details.resolution = { level: 'municipal', text: resolution, solved: true };
      awaitFeedback();
      return record('resolved_by_municipal', 'awaiting_feedback', actor, resolution, ['case_resolved']);
    },
    declareUnsolvable: ({ actor, reason, referTo }) => {
      details.resolution = { level: 'municipal', text: reason, solved: false, referTo };
      awaitFeedback();
      return record('declared_unsolvable', 'awaiting_feedback', actor, `${reason} (turn to: ${referTo})`, ['case_resolved']);
    },
    feedback: ({ actor, satisfied, reason }) => {
      details.feedback = { satisfied, reason };
      if (satisfied) {
        details.closedBecause = 'reporter_satisfied';
        return record('reporter_satisfied', 'closed', actor, reason ?? null, ['case_closed']);
      }
      const reopenAt: Level = details.resolution?.level === 'municipal' ? 'municipal' : 'district';
      details.reopenCount = (details.reopenCount ?? 0) + 1;
      enterLevel(reopenAt);
      return record('reopened', reopenAt === 'municipal' ? 'municipal_coordination' : 'district_review', actor, reason ?? null, [
        'case_reopened',
      ]);
    },
  };

  const untilProjected = async (sequence: number) => {
    await condition(() => projectedSequence >= sequence);
    return snapshot();
  };
  setHandler(caseSnapshotQuery, snapshot);
  setHandler(caseRecordedUpdate, () => untilProjected(1));
  for (const action of Object.keys(steps) as ActionName[]) {
    setHandler(
      caseActionUpdates[action],
      (request: ActionRequest<typeof action>) => untilProjected((steps[action] as (r: typeof request) => number)(request)),
      {
        validator: (request: ActionRequest<typeof action>) => {
          assertActionAllowed(action, status, request.actor.role);
          validateCommand(action, request, input.caseId);
        },
      },
    );
  }
  setHandler(duplicateAttachedSignal, ({ caseId }) => {
    details.duplicateCaseIds = [...(details.duplicateCaseIds ?? []), caseId];
    record('duplicate_attached', status, null, caseId);
  });
  setHandler(ledgerSubmittedSignal, ({ actor, cycle }) => {
    if (status !== 'awaiting_submission') return;
    details.cycle = cycle;
    enterLevel('district');
    record('submitted_with_ledger', 'district_review', actor, `ledger ${cycle}`);
  });
  setHandler(forwardedInBatchSignal, ({ actor, cycle, summary }) => {
    if (status !== 'district_review') return;
    details.districtSummary = summary;
    enterLevel('municipal');
    record('forwarded_to_municipal', 'municipal_coordination', actor, `batch ${cycle}: ${summary}`);
  });
  setHandler(primaryClosedSignal, ({ primaryCaseId, resolution }) => {
    if (status !== 'merged') return;
    details.closedBecause = 'primary_closed';
    record('closed_with_primary', 'closed', null, resolution ?? `case ${primaryCaseId} closed`, ['case_closed']);
  });

  // A regular case stays in its unit's own ledger until submitted: no handover, so no mail yet.
  if (level === 'district') enterLevel('district');
  record('filed', status, input.filedBy, null, filing.urgent ? ['case_filed'] : []);

  for (;;) {
    const wakeAt = earliest(nextMilestone(clock)?.at, status === 'awaiting_feedback' ? feedbackDueAt : undefined);
    const hasWork = () => jobs.length > 0;
    if (wakeAt === undefined) await condition(() => hasWork() || TERMINAL_STATUSES.includes(status));
    else await condition(hasWork, Math.max(1, wakeAt - Date.now()));

    const job = jobs.shift();
    if (job) {
      await run(job);
      continue;
    }
    if (TERMINAL_STATUSES.includes(status)) break;
    const now = Date.now();
    const milestones = clock ? takeDueMilestones(clock, now) : [];
    const latest = milestones[milestones.length - 1];
    if (latest !== undefined) {
      const kind = latest === 100 ? 'deadline_overdue' : latest === 75 ? 'deadline_reminder_75' : 'deadline_reminder_50';
      record(kind, status, null, null, [kind]);
    }
    if (status === 'awaiting_feedback' && feedbackDueAt !== undefined && now >= feedbackDueAt) {
      details.closedBecause = 'no_answer';
      record('closed_without_answer', 'closed', null, null, ['case_closed']);
    }
  }
  await condition(() => noticesInFlight === 0 && allHandlersFinished());
  return snapshot();

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
        if (job.kind === 'deadline') clock = startClock(job.level, now, Date.parse(due.dueAt));
        else feedbackDueAt = Date.parse(due.dueAt);
        return;
      }
      case 'project': {
        const due = activeDueAt();
        await ledger.projectCaseEvent({
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
            },
          },
        });
        projectedSequence = job.event.sequence;
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
        await getExternalWorkflowHandle(workflowIdForCase(job.primaryCaseId)).signal(duplicateAttachedSignal, { caseId: input.caseId });
        return;
      case 'closeDuplicates':
        for (const duplicate of details.duplicateCaseIds ?? []) {
          await getExternalWorkflowHandle(workflowIdForCase(duplicate)).signal(primaryClosedSignal, {
            primaryCaseId: input.caseId,
            status,
            resolution: details.resolution?.text ?? details.rejectionReason,
          });
        }
        return;
    }
  }
}

function initialStatus(urgent: boolean): CaseStatus {
  return urgent ? 'district_review' : 'awaiting_submission';
}

function earliest(...moments: Array<number | undefined>): number | undefined {
  const defined = moments.filter((m): m is number => m !== undefined);
  return defined.length ? Math.min(...defined) : undefined;
}

function validateCommand<A extends ActionName>(action: A, request: ActionRequest<A>, caseId: string) {
  const invalid = (message: string) => ApplicationFailure.nonRetryable(message, UPDATE_REJECTIONS.invalidInput);
  if (action === 'merge' && (request as ActionRequest<'merge'>).primaryCaseId === caseId)
    throw invalid('a case cannot be merged into itself');
  if (action === 'feedback') {
    const { satisfied, reason } = request as ActionRequest<'feedback'>;
    if (!satisfied && !reason?.trim()) throw invalid('say why the reporter is not satisfied');
  }
}
