import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client, type WorkflowHandle } from '@temporalio/client';
import type { Clock } from '../../lib/clock.ts';
import type { Db } from '../../lib/db.ts';
import { DomainError, invalidField, notFound } from '../../lib/errors.ts';
import { hashRequest } from '../../lib/request-hash.ts';
import type { BulkStepRequest } from '../../model/bulk/bulk-request.ts';
import { BULK_STEPS, MAX_BULK_CASES, bulkProgressOf, type BulkProgress, type BulkStepInput } from '../../model/bulk/bulk-steps.ts';
import { CASE_LIFECYCLE, rolesFor } from '../../model/cases/lifecycle.ts';
import { BULK_TASK_QUEUE, bulkProgressQuery, workflowIdForBulkJob, type Workflows } from '../../workflows/definitions.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { countCases, countCasesByStatus, matchingCaseIds, type CaseFilter } from '../cases/case-queries.ts';
import { caseFilterOf } from '../cases/saved-views.ts';
import { requireRole, visibleCaseFilter } from '../cases/scope.ts';
import { isTemporalUnavailable } from '../workflow-calls.ts';

type BulkDeps = { prisma: Db; temporal: Client; clock: Clock; utcOffsetMinutes: number };

/** Who started a job and with what request: the workflow's memo, read without a worker to tell whose it is. */
type JobMemo = { userId: string; orgUnitId: string; requestHash: string };

/** The job id: the caller and their Idempotency-Key, so the same key never starts a second run, and another's key is another job. */
export const bulkJobIdFor = (userId: string, idempotencyKey: string) => hashRequest({ bulkStep: { userId, idempotencyKey } }).slice(0, 32);

/**
 * Starts a bulk step: the role from the transition table, the cases under the caller's scope (an id the
 * caller cannot see is still sent, to be refused as "not found" for that case alone), then one workflow
 * per caller and key. The same key again answers the job it started (a different request with it: 409).
 */
export async function startBulkStep(deps: BulkDeps, user: AuthenticatedUser, request: BulkStepRequest, idempotencyKey: string) {
  requireRole(user, rolesFor(request.step));
  const jobId = bulkJobIdFor(user.id, idempotencyKey);
  const requestHash = hashRequest(request);
  const handle = deps.temporal.workflow.getHandle<Workflows['bulkStepWorkflow']>(workflowIdForBulkJob(jobId));
  const earlier = await jobMemo(handle);
  if (earlier) {
    assertSameRequest(earlier, requestHash);
    return { created: false, job: await readJob(deps.prisma, user, handle) };
  }
  const input: BulkStepInput = {
    jobId,
    step: request.step,
    body: request.body,
    caseIds: await selectedCases(deps, user, request),
    actor: { id: user.id, email: user.email, displayName: user.displayName, role: user.role, orgUnitId: user.orgUnitId },
    startedAt: deps.clock.now().toISOString(),
  };
  const memo: JobMemo = { userId: user.id, orgUnitId: user.orgUnitId, requestHash };
  try {
    await deps.temporal.workflow.start<Workflows['bulkStepWorkflow']>('bulkStepWorkflow', {
      taskQueue: BULK_TASK_QUEUE,
      workflowId: handle.workflowId,
      args: [input],
      memo,
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw unavailableOr(error);
  }
  // Two requests with one key at once start one workflow: the one whose request it is not learns it here.
  const started = await jobMemo(handle);
  if (started) assertSameRequest(started, requestHash);
  return { created: true, job: await viewOf(deps.prisma, user, bulkProgressOf(input, new Map())) };
}

/** A job and each case's outcome so far, for the one who started it and their unit's colleagues; anyone else: 404. */
export async function getBulkJob(deps: Pick<BulkDeps, 'prisma' | 'temporal'>, user: AuthenticatedUser, jobId: string) {
  return readJob(deps.prisma, user, deps.temporal.workflow.getHandle<Workflows['bulkStepWorkflow']>(workflowIdForBulkJob(jobId)));
}

async function readJob(prisma: Db, user: AuthenticatedUser, handle: WorkflowHandle<Workflows['bulkStepWorkflow']>) {
  const description = await describe(handle);
  const memo = description && memoOf(description.memo);
  if (!description || !memo || (memo.userId !== user.id && memo.orgUnitId !== user.orgUnitId)) throw notFound('bulk step');
  try {
    // A finished job's answer is its result, which needs no worker to read; a running one answers a Query.
    const progress = description.status.name === 'RUNNING' ? await handle.query(bulkProgressQuery) : await handle.result();
    return await viewOf(prisma, user, progress);
  } catch (error) {
    throw unavailableOr(error);
  }
}

/**
 * What "all matching" a filter would be: how many cases the caller sees with it (at most MAX_BULK_CASES
 * go in one step), and the bulk steps the transition table lets the caller's role take from a status
 * some of them are in. Each case still answers for itself when the step is sent.
 */
export async function matchingSelection(deps: Pick<BulkDeps, 'prisma' | 'utcOffsetMinutes'>, user: AuthenticatedUser, filter: CaseFilter) {
  const byStatus = await countCasesByStatus(deps.prisma, user, filter, deps.utcOffsetMinutes);
  const count = [...byStatus.values()].reduce((sum, n) => sum + n, 0);
  const steps = BULK_STEPS.filter((step) => CASE_LIFECYCLE.fromFor(step, user.role).some((status) => byStatus.has(status)));
  return { count, max: MAX_BULK_CASES, steps };
}

/** The selected ids (each once), or the ids the filter finds for the caller: at most MAX_BULK_CASES, at least one. */
async function selectedCases(deps: BulkDeps, user: AuthenticatedUser, request: BulkStepRequest): Promise<string[]> {
  if (request.caseIds) return [...new Set(request.caseIds)];
  const filter = { ...caseFilterOf(request.matching ?? {}), sort: request.matching?.sort };
  const ids = await matchingCaseIds(deps.prisma, user, filter, deps.utcOffsetMinutes, MAX_BULK_CASES);
  if (ids.length > MAX_BULK_CASES) {
    const found = await countCases(deps.prisma, user, filter, deps.utcOffsetMinutes);
    throw invalidField(
      'body.matching',
      {
        zh: `符合条件的问题有 ${found} 件，一次最多办理 ${MAX_BULK_CASES} 件，请缩小筛选范围`,
        en: `the filter finds ${found} cases; at most ${MAX_BULK_CASES} at once: narrow it`,
      },
      { found, max: MAX_BULK_CASES },
    );
  }
  if (ids.length === 0) throw invalidField('body.matching', { zh: '没有符合条件的问题', en: 'the filter finds no case' });
  return ids;
}

/** The job as the API shows it: each case with its number and title when the reader may see it (never otherwise). */
async function viewOf(prisma: Db, user: AuthenticatedUser, progress: BulkProgress) {
  const rows = await prisma.case.findMany({
    where: { AND: [{ id: { in: progress.items.map((item) => item.caseId) } }, visibleCaseFilter(user)] },
    select: { id: true, number: true, title: true, status: true },
  });
  const seen = new Map(rows.map((row) => [row.id, row]));
  return {
    id: progress.jobId,
    step: progress.step,
    startedAt: progress.startedAt,
    finished: progress.finished,
    counts: progress.counts,
    items: progress.items.map((item) => {
      const row = seen.get(item.caseId);
      return {
        ...item,
        case: row ? { number: row.number, title: row.title, status: row.status } : null,
      };
    }),
  };
}

async function describe(handle: WorkflowHandle) {
  try {
    return await handle.describe();
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return undefined;
    throw unavailableOr(error);
  }
}

async function jobMemo(handle: WorkflowHandle): Promise<JobMemo | undefined> {
  const description = await describe(handle);
  return description && memoOf(description.memo);
}

function memoOf(memo: Record<string, unknown> | undefined): JobMemo | undefined {
  const { userId, orgUnitId, requestHash } = memo ?? {};
  return typeof userId === 'string' && typeof orgUnitId === 'string' && typeof requestHash === 'string'
    ? { userId, orgUnitId, requestHash }
    : undefined;
}

function assertSameRequest(memo: JobMemo, requestHash: string) {
  if (memo.requestHash !== requestHash) {
    throw new DomainError('idempotency_key_reused', {
      zh: '此请求标识（Idempotency-Key）已用于另一批量办理',
      en: 'this Idempotency-Key was already used for a different bulk step',
    });
  }
}

function unavailableOr(error: unknown): unknown {
  return isTemporalUnavailable(error)
    ? new DomainError('service_unavailable', {
        zh: '工作流服务暂时无法连接，请稍后重试',
        en: 'Temporal is not reachable right now; try again shortly',
      })
    : error;
}
