import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import { LEDGER_REFUSAL } from './definitions.ts';

/**
 * Why a projection activity failed for good: the database refused a value (`LEDGER_REFUSAL`, never
 * retried). Anything else is thrown on, failing the workflow task, to be retried.
 */
export function refusedForGood(error: unknown): string {
  // A local activity's failure may arrive wrapped in an ActivityFailure or as the activity's own failure.
  const failure = error instanceof ActivityFailure ? error.cause : error;
  if (!(failure instanceof ApplicationFailure && failure.type === LEDGER_REFUSAL)) throw error;
  return failure.message;
}
