import { startBulkStep } from '../../domain/bulk/bulk-jobs.ts';
import { fileCase, performCaseAction } from '../../domain/cases/cases.ts';
import { workflowIdForBulkJob } from '../../workflows/definitions.ts';
import type { CaseFiling } from '../../model/cases/filing.ts';
import { filing } from '../support/fixtures.ts';
import type { Scenario, ScenarioDeps } from './scenario.ts';

// The bulk step's workflow (issue 17): one path where some cases take the step and one refuses it.
const user = (deps: ScenarioDeps, email: string) => {
  const found = deps.users[email];
  if (!found) throw new Error(`no seeded user ${email}`);
  return found;
};

export const BULK_SCENARIOS: Scenario[] = [
  {
    name: 'bulk-forward-done-and-refused',
    async run(deps) {
      const east = user(deps, 'east@ledger.test');
      const district = user(deps, 'district@ledger.test');
      const ids: string[] = [];
      for (const title of ['bulk lamp one', 'bulk lamp two', 'bulk lamp three']) {
        const filed = await fileCase(deps, east, filing({ title, urgent: true }) as CaseFiling, `replay-${title}`);
        ids.push(filed.case.id);
      }
      // The third moved on before the bulk step reached it: it refuses the forward.
      await performCaseAction(deps, district, ids[2]!, 'reject', { reason: 'not a public-service problem' });
      const bulkDeps = { prisma: deps.prisma, temporal: deps.temporal, clock: deps.clock, utcOffsetMinutes: deps.policy.utcOffsetMinutes };
      const { job } = await startBulkStep(
        bulkDeps,
        district,
        { step: 'forward', body: { summary: 'for the city' }, caseIds: ids },
        'replay-bulk-forward',
      );
      const workflowId = workflowIdForBulkJob(job.id);
      await deps.temporal.workflow.getHandle(workflowId).result();
      return workflowId;
    },
  },
];
