import {
  ActivityFailure,
  condition,
  continueAsNew,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import type { DeliveryWorkflowInput, FeedSettings } from '../../model/webhooks/delivery.ts';
import { WEBHOOK_REFUSED, webhookDeliveriesSignal } from '../definitions.ts';

// Reading the ledger and recording deliveries is short and idempotent: a local activity, no round trip per pass.
const feed = proxyLocalActivities<Activities>({
  startToCloseTimeout: '1 minute',
  localRetryThreshold: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/** Passes before the feed starts over with an empty history (each pass adds a marker and a timer). */
const FEED_PASSES_PER_RUN = 500;

/**
 * The webhook feed: one per deployment, forever. Each pass reads what the ledger's projections wrote
 * since the last (case events, cycle notices, activities awaiting confirmation; domain/webhooks/feed.ts),
 * records a delivery per webhook that hears of it and hands those to their delivery workflows; it
 * waits `pollMs` only once it has caught up.
 */
export async function webhookFeedWorkflow(settings: FeedSettings): Promise<void> {
  for (let pass = 0; pass < FEED_PASSES_PER_RUN && !workflowInfo().continueAsNewSuggested; pass++) {
    const { more } = await feed.pollWebhookFeed({ batch: settings.batch, delivery: settings.delivery });
    if (!more) await sleep(settings.pollMs);
  }
  await continueAsNew<typeof webhookFeedWorkflow>(settings);
}

/** How long a delivery workflow with nothing to send waits for more before it ends (the feed starts it again). */
const IDLE = '1 minute';
const SENT_PER_RUN = 200;

const bookkeeping = proxyActivities<Activities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
});

/** Why the retries ended, from the activity's failure (its last error, or the give-up timeout). */
const reasonOf = (failure: ActivityFailure) => {
  const cause = failure.cause;
  return cause?.name === 'TimeoutFailure' ? `gave up after the retries (${cause.message})` : (cause?.message ?? failure.message);
};

/**
 * The deliveries of one webhook and one subject (a case, a cycle, an activity), one at a time in the
 * order they came: each by an activity retried with backoff (a receiver down for an hour gets the
 * event when it is back, then the next ones); when the retries give up, the delivery is failed and
 * the next one goes. Repeats of a delivery id are dropped (the feed may hand one over twice).
 */
export async function webhookDeliveryWorkflow(input: DeliveryWorkflowInput): Promise<void> {
  const { settings } = input;
  const queue = [...(input.queued ?? [])];
  setHandler(webhookDeliveriesSignal, ({ deliveryIds }) => {
    for (const id of deliveryIds) if (!queue.includes(id)) queue.push(id);
  });
  const send = proxyActivities<Activities>({
    startToCloseTimeout: settings.timeoutMs + 5_000,
    scheduleToCloseTimeout: settings.giveUpMinutes * 60_000,
    retry: {
      initialInterval: settings.retryInitialMs,
      backoffCoefficient: 2,
      maximumInterval: settings.retryMaxMs,
      nonRetryableErrorTypes: [WEBHOOK_REFUSED],
    },
  });
  let sent = 0;
  while (await condition(() => queue.length > 0, IDLE)) {
    const deliveryId = queue[0]!;
    try {
      await send.deliverWebhookEvent({ deliveryId, settings });
    } catch (error) {
      if (!(error instanceof ActivityFailure)) throw error;
      await bookkeeping.giveUpWebhookDelivery({ deliveryId, reason: reasonOf(error) });
    }
    queue.shift();
    if (++sent >= SENT_PER_RUN || workflowInfo().continueAsNewSuggested) break;
  }
  // Anything still queued (a long run, or a signal that came with the idle timeout) goes to the next run.
  if (queue.length > 0) await continueAsNew<typeof webhookDeliveryWorkflow>({ ...input, queued: queue });
}
