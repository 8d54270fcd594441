import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Annex3Settings } from '../../model/exports/export-settings.ts';
import type { Clock } from '../../lib/clock.ts';
import type { Config } from '../../lib/config.ts';
import type { Db } from '../../lib/db.ts';
import type { Logger } from '../../lib/logger.ts';
import { TASK_QUEUE, type Workflows } from '../../workflows/definitions.ts';
import { isTemporalUnavailable } from '../workflow-calls.ts';
import { moveExportJob } from './job-states.ts';

/**
 * The export job row is the outbox: it is written first, and its workflow is started from it, by the
 * request and, when Temporal was unreachable then, by the starter below until it runs. The workflow
 * id is the job's, so a start made twice (the request and the starter racing) runs one export.
 */
export const workflowIdForExport = (jobId: string) => `export-${jobId}`;

type StartDeps = { prisma: Db; temporal: Client; settings: Annex3Settings };

/** 'started' also when it had been started before (running, or finished: its row says how). */
export async function startExportWorkflow(deps: StartDeps, jobId: string): Promise<'started' | 'unavailable'> {
  try {
    await deps.temporal.workflow.start<Workflows['annex3ExportWorkflow']>('annex3ExportWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: workflowIdForExport(jobId),
      args: [{ jobId, settings: deps.settings }],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    return 'started';
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return 'started';
    if (isTemporalUnavailable(error)) return 'unavailable';
    throw error;
  }
}

export type StarterPolicy = {
  /** Jobs younger than this are left to the request that created them. */
  graceMs: number;
  /** A job that still cannot be started this long after it was requested is failed, visibly. */
  giveUpAfterMs: number;
  /** The deadline of each start attempt. */
  callDeadlineMs: number;
};

export const starterPolicyOf = (config: Pick<Config, 'exports' | 'temporal'>): StarterPolicy => ({
  graceMs: config.exports.startRetrySeconds * 1000,
  giveUpAfterMs: config.exports.startGiveUpMinutes * 60_000,
  callDeadlineMs: config.temporal.callDeadlineMs,
});

/** One pass over the queued jobs: starts each job's workflow, or fails the job once it is too old to wait for. */
export async function startQueuedExports(deps: StartDeps & { clock: Clock }, policy: StarterPolicy) {
  const now = deps.clock.now().getTime();
  const queued = await deps.prisma.exportJob.findMany({
    where: { status: 'queued', createdAt: { lte: new Date(now - policy.graceMs) } },
    select: { id: true, createdAt: true },
    orderBy: { createdAt: 'asc' },
    take: 100,
  });
  const outcome = { started: 0, waiting: 0, failed: 0 };
  // Once Temporal has not answered, the remaining jobs would only time out one after another.
  let reachable = true;
  for (const job of queued) {
    const result: 'started' | 'unavailable' = reachable
      ? await deps.temporal.withDeadline(Date.now() + policy.callDeadlineMs, () => startExportWorkflow(deps, job.id))
      : 'unavailable';
    reachable = result === 'started';
    if (result === 'started') outcome.started++;
    else if (now - job.createdAt.getTime() < policy.giveUpAfterMs) outcome.waiting++;
    else {
      const minutes = Math.round(policy.giveUpAfterMs / 60_000);
      await moveExportJob(deps.prisma, job.id, 'giveUp', {
        error: `the export could not be started: the workflow service was unreachable for ${minutes} minutes; request it again`,
        finishedAt: new Date(now),
      });
      outcome.failed++;
    }
  }
  return outcome;
}

/** Runs `startQueuedExports` now and then every `everyMs` until stopped; a failed pass is logged and tried again. */
export function runExportStarter(deps: StartDeps & { clock: Clock; logger: Logger }, policy: StarterPolicy, everyMs: number) {
  let running: Promise<void> | undefined;
  const pass = () => {
    if (running) return;
    running = startQueuedExports(deps, policy)
      .then(
        (outcome) => {
          if (outcome.started + outcome.failed > 0) deps.logger.info('queued exports started', outcome);
        },
        (error: unknown) => deps.logger.warn('starting queued exports failed; trying again later', { error }),
      )
      .finally(() => (running = undefined));
  };
  pass();
  const timer = setInterval(pass, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
