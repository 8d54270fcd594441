import type { Clock } from '../../lib/clock.ts';
import type { Db } from '../../lib/db.ts';
import { DELIVERY_LIFECYCLE, type DeliverySettings } from '../../model/webhooks/delivery.ts';
import type { WebhookEvent } from '../../model/webhooks/events.ts';
import { acceptance, isFinalRefusal, outboundRequest } from './outbound.ts';

export type AttemptOutcome =
  | { outcome: 'delivered' | 'skipped' }
  /** `final`: the receiver refused the request itself; trying again cannot help. */
  | { outcome: 'failed'; reason: string; final: boolean };

/** Moves a delivery by the table, from the states its transition starts from only (two attempts at once move it once). */
async function move(prisma: Db, deliveryId: string, transition: 'succeed' | 'fail', data: Record<string, unknown>) {
  const from = DELIVERY_LIFECYCLE.transitions[transition].from;
  await prisma.webhookDelivery.updateMany({
    where: { id: deliveryId, state: { in: [...from] } },
    data: { ...data, state: DELIVERY_LIFECYCLE.targetOf(transition, from[0]!) },
  });
}

/**
 * One attempt to deliver: nothing when the delivery is no longer pending (delivered already, or sent
 * again meanwhile by another run); failed at once when its webhook was disabled; else the request,
 * whose answer is written on the delivery (attempts, status, error) for the administrator to see.
 */
export async function attemptDelivery(
  deps: { prisma: Db; clock: Clock },
  deliveryId: string,
  settings: DeliverySettings,
): Promise<AttemptOutcome> {
  const delivery = await deps.prisma.webhookDelivery.findUnique({ where: { id: deliveryId }, include: { webhook: true } });
  if (!delivery || delivery.state !== 'pending') return { outcome: 'skipped' };
  const now = deps.clock.now();
  if (delivery.webhook.state !== 'active') {
    await move(deps.prisma, deliveryId, 'fail', { lastError: 'the webhook is disabled' });
    return { outcome: 'skipped' };
  }
  const request = outboundRequest(delivery.webhook, delivery.event as WebhookEvent, settings, now);
  let status: number | null = null;
  let result: ReturnType<typeof acceptance>;
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: request.headers,
      body: request.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(settings.timeoutMs),
    });
    status = response.status;
    result = acceptance(delivery.webhook.format, response.status, (await response.text()).slice(0, 2000));
  } catch (error) {
    result = {
      ok: false,
      reason: (error as Error).name === 'TimeoutError' ? `no answer within ${settings.timeoutMs} ms` : 'no connection',
    };
  }
  const attempt = { attempts: { increment: 1 }, lastAttemptAt: now, lastStatus: status };
  if (result.ok) {
    await move(deps.prisma, deliveryId, 'succeed', { ...attempt, lastError: null, deliveredAt: deps.clock.now() });
    return { outcome: 'delivered' };
  }
  await deps.prisma.webhookDelivery.update({ where: { id: deliveryId }, data: { ...attempt, lastError: result.reason } });
  return { outcome: 'failed', reason: result.reason, final: status !== null && isFinalRefusal(status) };
}

/** The retries ran out (or the receiver refused for good): the delivery is failed, for an administrator to send again. */
export async function giveUpDelivery(prisma: Db, deliveryId: string, reason: string): Promise<void> {
  await move(prisma, deliveryId, 'fail', { lastError: reason });
}
