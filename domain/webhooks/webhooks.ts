import { randomBytes, randomUUID } from 'node:crypto';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { z } from 'zod';
import type { OrgUnit, Webhook } from '../../generated/prisma/client.ts';
import type { Clock } from '../../lib/clock.ts';
import type { Db } from '../../lib/db.ts';
import { pageOf, type Page } from '../../lib/paging.ts';
import { invalidField, notFound } from '../../lib/errors.ts';
import { DELIVERY_LIFECYCLE, type DeliverySettings, type DeliveryState, type FeedSettings } from '../../model/webhooks/delivery.ts';
import type { WebhookEventKind } from '../../model/webhooks/events.ts';
import { WEBHOOK_LIFECYCLE, vendorOf, type WebhookFormat } from '../../model/webhooks/webhook.ts';
import {
  TASK_QUEUE,
  WEBHOOK_FEED_WORKFLOW_ID,
  webhookDeliveriesSignal,
  workflowIdForWebhookSubject,
  type Workflows,
} from '../../workflows/definitions.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { requireRole } from '../cases/scope.ts';
import { requireStep } from '../lifecycle-steps.ts';
import { cursorMoment, decodeCursor, encodeCursor } from '../list-cursors.ts';
import { startFeedCursors, type RecordedDelivery } from './feed.ts';

type WebhookDeps = { prisma: Db; temporal: Client; clock: Clock; feed: FeedSettings };

/** The feed runs once per deployment; starting it again joins the running one. */
export async function ensureWebhookFeed(temporal: Client, settings: FeedSettings): Promise<boolean> {
  try {
    await temporal.workflow.start<Workflows['webhookFeedWorkflow']>('webhookFeedWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: WEBHOOK_FEED_WORKFLOW_ID,
      args: [settings],
    });
    return true;
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw error;
  }
}

/**
 * Hands recorded deliveries to their workflows, one per webhook and subject, in the order given: a
 * workflow that ended starts again, a running one queues them behind what it holds.
 */
export async function dispatchDeliveries(temporal: Client, deliveries: RecordedDelivery[], settings: DeliverySettings): Promise<void> {
  const groups = new Map<string, { webhookId: string; subject: string; deliveryIds: string[] }>();
  for (const d of deliveries) {
    const workflowId = workflowIdForWebhookSubject(d.webhookId, d.subject);
    const group = groups.get(workflowId) ?? { webhookId: d.webhookId, subject: d.subject, deliveryIds: [] };
    group.deliveryIds.push(d.deliveryId);
    groups.set(workflowId, group);
  }
  await Promise.all(
    [...groups].map(([workflowId, group]) =>
      temporal.workflow.signalWithStart<Workflows['webhookDeliveryWorkflow'], [{ deliveryIds: string[] }]>('webhookDeliveryWorkflow', {
        taskQueue: TASK_QUEUE,
        workflowId,
        args: [{ webhookId: group.webhookId, subject: group.subject, settings }],
        signal: webhookDeliveriesSignal,
        signalArgs: [{ deliveryIds: group.deliveryIds }],
      }),
    ),
  );
}

/** A webhook's URL as lists show it: a robot's URL carries its key, so query values are hidden. */
export function maskedUrl(url: string): string {
  const parsed = new URL(url);
  for (const name of [...parsed.searchParams.keys()]) parsed.searchParams.set(name, '…');
  return `${parsed.origin}${parsed.pathname}${parsed.search ? decodeURIComponent(parsed.search) : ''}`;
}

type Counts = Partial<Record<DeliveryState, number>>;

function webhookView(webhook: Webhook & { orgUnit: OrgUnit }, user: AuthenticatedUser, counts: Counts = {}) {
  return {
    id: webhook.id,
    label: webhook.label,
    unit: { id: webhook.orgUnit.id, code: webhook.orgUnit.code, name: webhook.orgUnit.name },
    url: maskedUrl(webhook.url),
    format: webhook.format,
    events: webhook.events as WebhookEventKind[],
    signed: webhook.secret !== null,
    state: webhook.state,
    createdAt: webhook.createdAt.toISOString(),
    deliveries: { pending: counts.pending ?? 0, delivered: counts.delivered ?? 0, failed: counts.failed ?? 0 },
    allowedActions: WEBHOOK_LIFECYCLE.allowedActions(webhook.state, user.role),
  };
}

export type WebhookInput = {
  unitId: string;
  label: string;
  url: string;
  format: WebhookFormat;
  events: WebhookEventKind[];
  secret?: string;
};

/**
 * Registers a webhook for a unit (its cases, its cycle reminders, the confirmations it owes) or a
 * district (all of its units'). A JSON webhook gets a signing secret, shown in this answer only; a
 * DingTalk robot's signing secret (加签, `SEC…`) is the administrator's to give; WeCom signs nothing.
 */
export async function registerWebhook(deps: WebhookDeps, user: AuthenticatedUser, input: WebhookInput) {
  requireRole(user, WEBHOOK_LIFECYCLE.rolesFor('register'));
  const vendor = vendorOf(input.format);
  if (input.secret !== undefined && vendor !== 'dingtalk') {
    throw invalidField('body.secret', {
      zh: '只有钉钉群机器人需要填写加签密钥；JSON 推送的密钥由系统生成',
      en: 'only a DingTalk robot takes a secret; a JSON webhook gets one generated',
    });
  }
  const unit = await deps.prisma.orgUnit.findUnique({ where: { id: input.unitId } });
  if (!unit) throw invalidField('body.unitId', { zh: '没有此单位', en: 'no such unit' });
  const secret = vendor === 'json' ? `whsec_${randomBytes(32).toString('base64url')}` : (input.secret ?? null);
  // The feed starts at the present before the webhook exists, so none of its first events is missed.
  await startFeedCursors(deps.prisma);
  const now = deps.clock.now();
  const webhook = await deps.prisma.webhook.create({
    data: {
      id: randomUUID(),
      orgUnitId: unit.id,
      label: input.label,
      url: input.url,
      format: input.format,
      events: [...new Set(input.events)],
      secret,
      state: WEBHOOK_LIFECYCLE.targetOf('register', null),
      createdByUserId: user.id,
      createdAt: now,
      updatedAt: now,
    },
    include: { orgUnit: true },
  });
  await ensureWebhookFeed(deps.temporal, deps.feed);
  return { ...webhookView(webhook, user), ...(vendor === 'json' ? { secret } : {}) };
}

async function deliveryCounts(prisma: Db, webhookIds: string[]): Promise<Map<string, Counts>> {
  const groups = await prisma.webhookDelivery.groupBy({
    by: ['webhookId', 'state'],
    where: { webhookId: { in: webhookIds } },
    _count: true,
  });
  const counts = new Map<string, Counts>();
  for (const g of groups) counts.set(g.webhookId, { ...counts.get(g.webhookId), [g.state]: g._count });
  return counts;
}

export async function listWebhooks(prisma: Db, user: AuthenticatedUser, page: Page) {
  requireRole(user, ['admin']);
  return pageOf(
    page,
    () => prisma.webhook.count(),
    async ({ limit, offset }) => {
      const webhooks = await prisma.webhook.findMany({
        include: { orgUnit: true },
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        take: limit,
        skip: offset,
      });
      const counts = await deliveryCounts(
        prisma,
        webhooks.map((w) => w.id),
      );
      return webhooks.map((w) => webhookView(w, user, counts.get(w.id)));
    },
  );
}

/** Disables or enables a webhook, by the table (from the states its step starts from, in the same UPDATE). */
export async function setWebhookState(
  deps: Pick<WebhookDeps, 'prisma' | 'clock'>,
  user: AuthenticatedUser,
  id: string,
  action: 'disable' | 'enable',
) {
  requireRole(user, WEBHOOK_LIFECYCLE.rolesFor(action));
  const webhook = await deps.prisma.webhook.findUnique({ where: { id } });
  if (!webhook) throw notFound('webhook');
  requireStep(WEBHOOK_LIFECYCLE, action, webhook.state, user.role);
  const from = WEBHOOK_LIFECYCLE.stepRule(action).from;
  const moved = await deps.prisma.webhook.updateMany({
    where: { id, state: { in: [...from] } },
    data: { state: WEBHOOK_LIFECYCLE.targetOf(action, webhook.state), updatedAt: deps.clock.now() },
  });
  if (moved.count === 0) requireStep(WEBHOOK_LIFECYCLE, action, WEBHOOK_LIFECYCLE.targetOf(action, webhook.state), user.role);
  const updated = await deps.prisma.webhook.findUniqueOrThrow({ where: { id }, include: { orgUnit: true } });
  return webhookView(updated, user, (await deliveryCounts(deps.prisma, [id])).get(id));
}

const deliveryCursor = z.object({ createdAt: cursorMoment, id: z.uuid() });

function deliveryView(d: Awaited<ReturnType<Db['webhookDelivery']['findFirstOrThrow']>>, user: AuthenticatedUser) {
  return {
    id: d.id,
    eventId: d.eventId,
    eventType: d.eventType as WebhookEventKind,
    subject: d.subject,
    event: d.event,
    occurredAt: d.occurredAt.toISOString(),
    state: d.state,
    attempts: d.attempts,
    lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
    lastStatus: d.lastStatus,
    lastError: d.lastError,
    deliveredAt: d.deliveredAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
    allowedActions: DELIVERY_LIFECYCLE.allowedActions(d.state, user.role),
  };
}

/** A webhook's deliveries, newest first, optionally of one state; follow nextCursor. */
export async function listDeliveries(
  prisma: Db,
  user: AuthenticatedUser,
  webhookId: string,
  query: { state?: DeliveryState; limit: number; cursor?: string },
) {
  requireRole(user, ['admin']);
  if (!(await prisma.webhook.findUnique({ where: { id: webhookId }, select: { id: true } }))) throw notFound('webhook');
  const after = query.cursor ? decodeCursor(query.cursor, deliveryCursor, 'query.cursor') : undefined;
  const rows = await prisma.webhookDelivery.findMany({
    where: {
      webhookId,
      ...(query.state ? { state: query.state } : {}),
      ...(after
        ? { OR: [{ createdAt: { lt: new Date(after.createdAt) } }, { createdAt: new Date(after.createdAt), id: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((d) => deliveryView(d, user)),
    nextCursor: rows.length > query.limit && last ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id }) : null,
  };
}

/**
 * Sends a delivered or failed event again, with its own event id (a receiver that has it drops it):
 * the delivery is pending again and queued behind what its subject's workflow holds.
 */
export async function resendDelivery(deps: WebhookDeps, user: AuthenticatedUser, webhookId: string, deliveryId: string) {
  requireRole(user, DELIVERY_LIFECYCLE.rolesFor('resend'));
  const delivery = await deps.prisma.webhookDelivery.findFirst({ where: { id: deliveryId, webhookId } });
  if (!delivery) throw notFound('delivery');
  requireStep(DELIVERY_LIFECYCLE, 'resend', delivery.state, user.role);
  const from = DELIVERY_LIFECYCLE.stepRule('resend').from;
  const moved = await deps.prisma.webhookDelivery.updateMany({
    where: { id: deliveryId, state: { in: [...from] } },
    data: { state: DELIVERY_LIFECYCLE.targetOf('resend', delivery.state), lastError: null },
  });
  if (moved.count === 0) requireStep(DELIVERY_LIFECYCLE, 'resend', 'pending', user.role);
  await dispatchDeliveries(deps.temporal, [{ deliveryId, webhookId, subject: delivery.subject }], deps.feed.delivery);
  return deliveryView(await deps.prisma.webhookDelivery.findUniqueOrThrow({ where: { id: deliveryId } }), user);
}
