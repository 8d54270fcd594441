import { applyStepToCase, type BulkCaseStep } from '../../domain/bulk/case-step.ts';
import type { BulkItemResult } from '../../model/bulk/bulk-steps.ts';
import type { ActivityDeps } from '../deps.ts';

export function createBulkStepActivities(deps: Pick<ActivityDeps, 'prisma' | 'temporal'>) {
  return {
    /** One case of a bulk step: its outcome, done or refused with the reason; a service that did not answer fails, to be retried. */
    async applyBulkStep(input: BulkCaseStep): Promise<BulkItemResult> {
      return applyStepToCase(deps, input);
    },
  };
}
