import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Clock } from '../../lib/clock.ts';
import type { Config } from '../../lib/config.ts';
import type { Db } from '../../lib/db.ts';
import { FINAL_STATUSES } from '../../model/cases/lifecycle.ts';
import { TASK_QUEUE, type Workflows } from '../../workflows/definitions.ts';
import { RESUME_EVENTS, resumeInputsFromLedger } from '../cases/resume.ts';
import { allSchedules, ensureSchedules } from './schedules.ts';

type RebuildDeps = { prisma: Db; temporal: Client; config: Config; clock: Clock };

export type RebuildReport = {
  /** Open cases whose workflow this run started from the ledger. */
  casesStarted: string[];
  /** Open cases whose workflow Temporal still has (running or ended): left alone. */
  casesFound: number;
  /** District cycles still open in the ledger, started again with their submissions. */
  cyclesStarted: string[];
  cyclesFound: number;
  schedules: { created: string[]; caughtUp: string[] };
};

const PAGE = 200;

/**
 * `npm run rebuild`: after Temporal's store was lost, starts again from the ledger every workflow
 * the system needs, never one that still exists (each id is the one the workflow always had, and a
 * start of an id Temporal knows is refused), so running it twice starts nothing the second time:
 * - each open case, taking up its ledger state (model/cases/case.ts `CaseResume`); closed ones never;
 * - each district cycle the ledger holds as open, which reads its submissions from the ledger as it opens;
 * - the Schedules (cycles, member feedback, quota trackers) and the periods they have missed.
 */
export async function rebuildFromLedger(deps: RebuildDeps, onProgress: (started: number) => void = () => {}): Promise<RebuildReport> {
  const report: RebuildReport = {
    casesStarted: [],
    casesFound: 0,
    cyclesStarted: [],
    cyclesFound: 0,
    schedules: { created: [], caughtUp: [] },
  };
  const resumeInputs = resumeInputsFromLedger(deps.prisma, deps.config.deadlines);
  let after: string | undefined;
  for (;;) {
    const rows = await deps.prisma.case.findMany({
      where: { status: { notIn: [...FINAL_STATUSES] }, ...(after ? { id: { gt: after } } : {}) },
      include: RESUME_EVENTS,
      orderBy: { id: 'asc' },
      take: PAGE,
    });
    if (rows.length === 0) break;
    after = rows[rows.length - 1]!.id;
    for (const { workflowId, input } of await resumeInputs(rows)) {
      if (await startOnce<Workflows['caseWorkflow']>(deps.temporal, 'caseWorkflow', workflowId, [input])) {
        report.casesStarted.push(input.caseId);
        onProgress(report.casesStarted.length);
      } else report.casesFound += 1;
    }
  }

  // Before the Schedules: their openers then find the district cycles running and start none twice.
  const cycles = await deps.prisma.reportingCycle.findMany({ where: { phase: 'open' }, orderBy: { id: 'asc' } });
  for (const cycle of cycles) {
    const args: Parameters<Workflows['districtCycleWorkflow']> = [
      {
        ...deps.config.cycles.settings,
        cycle: cycle.cycle,
        districtId: cycle.districtId,
        opensAt: cycle.opensAt.toISOString(),
        deadlineAt: cycle.deadlineAt.toISOString(),
      },
    ];
    if (await startOnce<Workflows['districtCycleWorkflow']>(deps.temporal, 'districtCycleWorkflow', cycle.workflowId, args))
      report.cyclesStarted.push(cycle.id);
    else report.cyclesFound += 1;
  }
  report.schedules = await ensureSchedules(deps.temporal, allSchedules(deps.config), deps.clock, deps.config.districtTime.zone);
  return report;
}

/** Starts a workflow under an id Temporal does not know; false when it does (running or ended), leaving it alone. */
async function startOnce<W extends Workflows[keyof Workflows]>(temporal: Client, type: string, workflowId: string, args: Parameters<W>) {
  try {
    await temporal.workflow.start<W>(type, { taskQueue: TASK_QUEUE, workflowId, args, workflowIdReusePolicy: 'REJECT_DUPLICATE' });
    return true;
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw error;
  }
}
