import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';

/** The activities of the party workflows: database writes and mail, retried until they succeed (short of bad input). */
export const party = proxyActivities<Activities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '2 seconds', backoffCoefficient: 2, maximumInterval: '10 minutes', nonRetryableErrorTypes: ['InvalidInput'] },
});
