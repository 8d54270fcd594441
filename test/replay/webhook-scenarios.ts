import { seedId } from '../../domain/directory/seed.ts';
import { fileCase } from '../../domain/cases/cases.ts';
import { registerWebhook, resendDelivery, setWebhookState } from '../../domain/webhooks/webhooks.ts';
import { loadConfig } from '../../lib/config.ts';
import type { DeliveryState, FeedSettings } from '../../model/webhooks/delivery.ts';
import { WEBHOOK_FEED_WORKFLOW_ID, workflowIdForWebhookSubject } from '../../workflows/definitions.ts';
import { filing } from '../support/fixtures.ts';
import { eventually, startReceiver } from '../support/receivers.ts';
import type { CaseFiling } from '../../model/cases/filing.ts';
import type { Scenario, ScenarioDeps } from './scenario.ts';

// Paths of the webhook workflows (issue 18), recorded like the case paths: a receiver in this process
// answers as each path needs, a case filed by the east street is the event.
const base = loadConfig({}).webhooks;
/** Retries a fraction of a second apart, so the retried path is recorded in seconds. */
const FEED: FeedSettings = { ...base, pollMs: 500, delivery: { ...base.delivery, retryInitialMs: 200, retryMaxMs: 400 } };

const user = (deps: ScenarioDeps, email: string) => {
  const found = deps.users[email];
  if (!found) throw new Error(`no seeded user ${email}`);
  return found;
};
const webhookDeps = (deps: ScenarioDeps) => ({ prisma: deps.prisma, temporal: deps.temporal, clock: deps.clock, feed: FEED });

/**
 * Registers a JSON webhook for the east street's filings to a receiver answering `statuses` in turn
 * (the last one from then on), files a case, and waits until its delivery is in `until`; `then` runs
 * before the webhook is disabled again (so later scenarios' cases do not reach it).
 */
async function deliveryPath(
  deps: ScenarioDeps,
  name: string,
  statuses: number[],
  until: DeliveryState,
  then?: (ids: { webhookId: string; deliveryId: string }) => Promise<void>,
): Promise<string> {
  let calls = 0;
  const receiver = await startReceiver(() => ({ status: statuses[Math.min(calls++, statuses.length - 1)]! }));
  const admin = user(deps, 'admin@ledger.test');
  try {
    const webhook = await registerWebhook(webhookDeps(deps), admin, {
      unitId: seedId('ST-EAST'),
      label: name,
      url: `${receiver.url}/hook`,
      format: 'json',
      events: ['filed'],
    });
    const filed = await fileCase(
      deps,
      user(deps, 'east@ledger.test'),
      filing({ title: name, urgent: true }) as CaseFiling,
      `replay-${name}`,
    );
    const delivery = await eventually(
      () => deps.prisma.webhookDelivery.findFirst({ where: { webhookId: webhook.id } }),
      (d) => d?.state === until,
    );
    await then?.({ webhookId: webhook.id, deliveryId: delivery!.id });
    await setWebhookState(deps, admin, webhook.id, 'disable');
    return workflowIdForWebhookSubject(webhook.id, `case:${filed.case.id}`);
  } finally {
    await receiver.close();
  }
}

export const WEBHOOK_SCENARIOS: Scenario[] = [
  { name: 'webhook-delivered-first-time', run: (deps) => deliveryPath(deps, 'webhook delivered first time', [204], 'delivered') },
  {
    name: 'webhook-retried-then-delivered',
    run: (deps) => deliveryPath(deps, 'webhook retried then delivered', [503, 503, 204], 'delivered'),
  },
  {
    name: 'webhook-refused-failed-sent-again',
    run: (deps) =>
      deliveryPath(deps, 'webhook refused then sent again', [400, 204], 'failed', async ({ webhookId, deliveryId }) => {
        await resendDelivery(webhookDeps(deps), user(deps, 'admin@ledger.test'), webhookId, deliveryId);
        await eventually(
          () => deps.prisma.webhookDelivery.findUnique({ where: { id: deliveryId } }),
          (d) => d?.state === 'delivered',
        );
      }),
  },
  // The feed's passes over the ledger while the scenarios above filed: polls, dispatches and waits.
  { name: 'webhook-feed-passes', run: async () => WEBHOOK_FEED_WORKFLOW_ID },
];
