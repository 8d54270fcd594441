import { proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import {
  BULK_STEP_NOT_SENT,
  bulkProgressOf,
  type BulkItemResult,
  type BulkProgress,
  type BulkStepInput,
} from '../../model/bulk/bulk-steps.ts';
import { bulkProgressQuery } from '../definitions.ts';

/**
 * One case's step. A refusal (the case moved on, another unit's case, a text the case refuses) is the
 * activity's answer, not a failure; what fails is a service that did not answer, and that is retried:
 * the case's Update id is fixed by the job, so a retry never acts twice.
 */
const stepper = proxyActivities<Activities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '30 seconds', maximumAttempts: 8 },
});

/** Cases worked on at once: enough to move 500 cases in a minute, few enough to leave the workers to everyone else. */
const LANES = 4;

/** Applies one step to each selected case as that case's own Update, and keeps each case's outcome. */
export async function bulkStepWorkflow(input: BulkStepInput): Promise<BulkProgress> {
  const results = new Map<string, BulkItemResult>();
  setHandler(bulkProgressQuery, () => bulkProgressOf(input, results));
  const waiting = [...input.caseIds];
  const lane = async () => {
    for (let caseId = waiting.shift(); caseId !== undefined; caseId = waiting.shift()) {
      results.set(caseId, await stepOn(input, caseId));
    }
  };
  await Promise.all(Array.from({ length: Math.min(LANES, waiting.length) }, lane));
  return bulkProgressOf(input, results);
}

async function stepOn(input: BulkStepInput, caseId: string): Promise<BulkItemResult> {
  try {
    return await stepper.applyBulkStep({ jobId: input.jobId, step: input.step, body: input.body, actor: input.actor, caseId });
  } catch {
    // Retries spent: the other cases still get their step, and this one says to try it again.
    return { caseId, outcome: 'refused', code: 'service_unavailable', reason: BULK_STEP_NOT_SENT };
  }
}
