import { ApplicationFailure } from '@temporalio/activity';
import { attemptDelivery, giveUpDelivery } from '../../domain/webhooks/deliver.ts';
import { readFeed } from '../../domain/webhooks/feed.ts';
import { dispatchDeliveries } from '../../domain/webhooks/webhooks.ts';
import type { DeliverySettings } from '../../model/webhooks/delivery.ts';
import { WEBHOOK_REFUSED } from '../../workflows/definitions.ts';
import type { ActivityDeps } from '../deps.ts';

export function createWebhookActivities({ prisma, clock, temporal }: Pick<ActivityDeps, 'prisma' | 'clock' | 'temporal'>) {
  return {
    /**
     * One pass of the webhook feed: new ledger rows become deliveries, handed to their workflows
     * before the cursors move (a pass cut short is read again and records nothing twice).
     */
    async pollWebhookFeed(input: { batch: number; delivery: DeliverySettings }): Promise<{ dispatched: number; more: boolean }> {
      const pass = await readFeed(prisma, input.batch, clock.now());
      await dispatchDeliveries(temporal, pass.deliveries, input.delivery);
      await pass.advance();
      return { dispatched: pass.deliveries.length, more: pass.more };
    },

    /** One attempt; a failure is retried by Temporal with backoff, unless the receiver refused the request itself. */
    async deliverWebhookEvent(input: { deliveryId: string; settings: DeliverySettings }): Promise<'delivered' | 'skipped'> {
      const result = await attemptDelivery({ prisma, clock }, input.deliveryId, input.settings);
      if (result.outcome !== 'failed') return result.outcome;
      if (result.final) throw ApplicationFailure.nonRetryable(result.reason, WEBHOOK_REFUSED);
      throw ApplicationFailure.retryable(result.reason, 'WebhookUnreachable');
    },

    async giveUpWebhookDelivery(input: { deliveryId: string; reason: string }): Promise<void> {
      await giveUpDelivery(prisma, input.deliveryId, input.reason);
    },
  };
}
