import {
  ApplicationFailure,
  allHandlersFinished,
  condition,
  proxyActivities,
  setHandler,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../activities/index.ts';
import {
  UPDATE_REJECTIONS,
  caseRecordedUpdate,
  caseSnapshotQuery,
  submitToDistrictUpdate,
  type Actor,
  type CaseEventRecord,
  type CaseSnapshot,
  type CaseStatus,
  type CaseWorkflowInput,
  type Role,
} from './definitions.ts';

const ledger = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: {
    initialInterval: '1 second',
    backoffCoefficient: 2,
    maximumInterval: '1 minute',
    nonRetryableErrorTypes: ['CaseNotFound'],
  },
});

const notices = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: {
    initialInterval: '5 seconds',
    backoffCoefficient: 2,
    maximumInterval: '10 minutes',
    nonRetryableErrorTypes: ['CaseNotFound'],
  },
});

const TERMINAL: readonly CaseStatus[] = ['closed', 'rejected', 'merged'];

/**
 * One case of the linkage ledger, from filing until it is closed. The workflow owns the state;
 * every transition is queued and written to PostgreSQL in order by a single projection loop, so
 * concurrent Updates cannot reorder the ledger.
 */
export async function caseWorkflow(input: CaseWorkflowInput): Promise<CaseSnapshot> {
  let status: CaseStatus = input.filing.urgent ? 'district_review' : 'awaiting_submission';
  let lastSequence = 0;
  let projectedSequence = 0;
  const unprojected: CaseEventRecord[] = [];

  const snapshot = (): CaseSnapshot => ({
    caseId: input.caseId,
    status,
    urgent: input.filing.urgent,
    requestHash: input.requestHash,
    projectedSequence,
    lastSequence,
  });

  const transition = (type: string, to: CaseStatus, actor: Actor | null, comment?: string): number => {
    lastSequence += 1;
    unprojected.push({
      sequence: lastSequence,
      type,
      actor,
      fromStatus: lastSequence === 1 ? null : status,
      toStatus: to,
      comment: comment ?? null,
      occurredAt: new Date().toISOString(),
    });
    status = to;
    return lastSequence;
  };

  const untilProjected = async (sequence: number) => {
    await condition(() => projectedSequence >= sequence);
    return snapshot();
  };

  setHandler(caseSnapshotQuery, snapshot);
  setHandler(caseRecordedUpdate, () => untilProjected(1));
  setHandler(
    submitToDistrictUpdate,
    async ({ actor, comment }) => {
      const sequence = transition('submitted_to_district', 'district_review', actor, comment);
      queueNotice('case_submitted', sequence);
      return untilProjected(sequence);
    },
    {
      validator: ({ actor }) => {
        requireRole(actor, ['street_staff']);
        requireStatus(status, ['awaiting_submission']);
      },
    },
  );

  const pendingNotices: Array<{ notice: 'case_filed' | 'case_submitted'; sequence: number }> = [];
  function queueNotice(notice: 'case_filed' | 'case_submitted', sequence: number) {
    pendingNotices.push({ notice, sequence });
  }

  transition('filed', status, input.filedBy);
  queueNotice('case_filed', 1);

  while (true) {
    await condition(() => unprojected.length > 0 || pendingNotices.length > 0 || TERMINAL.includes(status));
    const event = unprojected.shift();
    if (event) {
      await ledger.projectCaseEvent({ workflow: input, event });
      projectedSequence = event.sequence;
      continue;
    }
    const notice = pendingNotices.shift();
    if (notice) {
      await notices.sendCaseNotice({
        caseId: input.caseId,
        notice: notice.notice,
        idempotencyKey: `${workflowInfo().workflowId}:${notice.sequence}:${notice.notice}`,
      });
      continue;
    }
    break;
  }
  await condition(allHandlersFinished);
  return snapshot();
}

function requireRole(actor: Actor, allowed: readonly Role[]) {
  if (!allowed.includes(actor.role)) {
    throw ApplicationFailure.nonRetryable(`role ${actor.role} may not do this`, UPDATE_REJECTIONS.forbidden);
  }
}

function requireStatus(current: CaseStatus, allowed: readonly CaseStatus[]) {
  if (!allowed.includes(current)) {
    throw ApplicationFailure.nonRetryable(
      `not possible while the case is ${current} (needs ${allowed.join(' or ')})`,
      UPDATE_REJECTIONS.invalidState,
    );
  }
}
