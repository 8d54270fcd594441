import { z } from 'zod';
import { DELIVERY_ACTIONS, DELIVERY_STATES } from '../../model/webhooks/delivery.ts';
import { WEBHOOK_EVENT_KINDS } from '../../model/webhooks/events.ts';
import { WEBHOOK_ACTIONS, WEBHOOK_FORMATS, WEBHOOK_STATES } from '../../model/webhooks/webhook.ts';
import { lineText } from '../../model/text.ts';
import { pagedList, pageQuery } from '../paging.schemas.ts';

export const registerWebhookBody = z.strictObject({
  unitId: z.uuid().describe('the unit (its own cases, reminders and confirmations) or district (all of its units’) the webhook tells'),
  label: lineText(100),
  url: z
    .url({ protocol: /^https?$/, error: 'an http or https URL' })
    .max(2000)
    .describe('the receiver, or the robot’s webhook address (WeCom …/webhook/send?key=…, DingTalk …/robot/send?access_token=…)'),
  format: z.enum(WEBHOOK_FORMATS),
  events: z.array(z.enum(WEBHOOK_EVENT_KINDS)).min(1).max(WEBHOOK_EVENT_KINDS.length),
  secret: z.string().trim().min(1).max(200).optional().describe('a DingTalk robot’s signing secret (加签, SEC…); other formats take none'),
});

export const webhookIdParams = z.strictObject({ id: z.uuid() });
export const deliveryParams = z.strictObject({ id: z.uuid(), deliveryId: z.uuid() });

export const listDeliveriesQuery = z.strictObject({
  state: z.enum(DELIVERY_STATES).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});

export const webhookView = z.object({
  id: z.uuid(),
  label: z.string(),
  unit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  url: z.string().describe('query values hidden: a robot’s URL carries its key'),
  format: z.enum(WEBHOOK_FORMATS),
  events: z.array(z.enum(WEBHOOK_EVENT_KINDS)),
  signed: z.boolean(),
  state: z.enum(WEBHOOK_STATES),
  createdAt: z.iso.datetime(),
  deliveries: z.object({ pending: z.number().int(), delivered: z.number().int(), failed: z.number().int() }),
  allowedActions: z.array(z.enum(WEBHOOK_ACTIONS)),
});
export const registeredWebhook = webhookView.extend({
  secret: z
    .string()
    .optional()
    .describe('a JSON webhook’s signing secret: shown this once, never again (not in an answer replayed for an Idempotency-Key)'),
});
export const webhookList = pagedList(webhookView);
export const listWebhooksQuery = z.strictObject({ ...pageQuery });

export const deliveryView = z.object({
  id: z.uuid(),
  eventId: z.string(),
  eventType: z.enum(WEBHOOK_EVENT_KINDS),
  subject: z.string(),
  event: z.unknown().describe('the event as delivered (the JSON format’s body)'),
  occurredAt: z.iso.datetime(),
  state: z.enum(DELIVERY_STATES),
  attempts: z.number().int(),
  lastAttemptAt: z.iso.datetime().nullable(),
  lastStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  deliveredAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  allowedActions: z.array(z.enum(DELIVERY_ACTIONS)),
});
export const deliveryList = z.object({ items: z.array(deliveryView), nextCursor: z.string().nullable() });
