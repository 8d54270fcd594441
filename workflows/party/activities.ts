import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import { LEDGER_REFUSAL } from '../definitions.ts';

/** The activities of the party workflows: database writes and mail, retried until they succeed (short of bad input). */
export const party = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', nonRetryableErrorTypes: ['InvalidInput'] },
});

/**
 * A round's events, written by a local activity in the worker that holds the round: short and
 * idempotent, without a round trip through the server for each. A refused value is refused for good.
 */
export const roundProjection = proxyLocalActivities<Activities>({
  startToCloseTimeout: '10 seconds',
  localRetryThreshold: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', nonRetryableErrorTypes: [LEDGER_REFUSAL] },
});
