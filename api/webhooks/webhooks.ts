import { listDeliveries, listWebhooks, registerWebhook, resendDelivery, setWebhookState } from '../../domain/webhooks/webhooks.ts';
import { DELIVERY_LIFECYCLE } from '../../model/webhooks/delivery.ts';
import { WEBHOOK_LIFECYCLE } from '../../model/webhooks/webhook.ts';
import type { AppDeps } from '../deps.ts';
import { errorBody, errorResponses } from '../errors.schemas.ts';
import { defineRoute } from '../route.ts';
import {
  deliveryList,
  deliveryParams,
  deliveryView,
  listDeliveriesQuery,
  listWebhooksQuery,
  registerWebhookBody,
  registeredWebhook,
  webhookIdParams,
  webhookList,
  webhookView,
} from './webhooks.schemas.ts';

const webhookDepsOf = (deps: AppDeps) => ({ prisma: deps.prisma, temporal: deps.temporal, clock: deps.clock, feed: deps.config.webhooks });
const wrongState = { 409: { description: 'Not possible in the current state', schema: errorBody } };

const stateRoute = (action: 'disable' | 'enable', summary: string) =>
  defineRoute({
    method: 'post',
    path: `/webhooks/:id/${action}`,
    operationId: `${action}Webhook`,
    tag: 'webhooks',
    summary,
    authenticated: true,
    roles: WEBHOOK_LIFECYCLE.rolesFor(action),
    schemas: { params: webhookIdParams },
    responses: { 200: { description: 'Done', schema: webhookView }, ...errorResponses, ...wrongState },
    handler: async ({ params, user, deps }) => ({ status: 200, body: await setWebhookState(deps, user, params.id, action) }),
  });

/** Outbound webhooks: the administrators register them and watch their deliveries. */
export const webhookRoutes = [
  defineRoute({
    method: 'post',
    path: '/webhooks',
    operationId: 'registerWebhook',
    tag: 'webhooks',
    summary:
      'Register a webhook for a unit or district: the kinds of event it hears of, and the format (JSON signed with HMAC-SHA256, or a WeCom / DingTalk group robot’s text or markdown). A JSON webhook’s signing secret is in this answer only.',
    authenticated: true,
    roles: WEBHOOK_LIFECYCLE.rolesFor('register'),
    idempotency: 'optional',
    schemas: { body: registerWebhookBody },
    responses: { 201: { description: 'Registered', schema: registeredWebhook }, ...errorResponses },
    handler: async ({ body, user, deps }) => {
      const { secret, ...view } = await registerWebhook(webhookDepsOf(deps), user, body);
      return { status: 201, body: { ...view, ...(secret ? { secret } : {}) }, keptBody: view };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/webhooks',
    operationId: 'listWebhooks',
    tag: 'webhooks',
    summary:
      'The webhooks a page at a time with their total, newest first, each with how many of its deliveries are pending, delivered and failed.',
    authenticated: true,
    roles: ['admin'],
    schemas: { query: listWebhooksQuery },
    responses: { 200: { description: 'A page of webhooks', schema: webhookList }, ...errorResponses },
    handler: async ({ query, user, deps }) => ({ status: 200, body: await listWebhooks(deps.prisma, user, query) }),
  }),
  stateRoute('disable', 'Disable a webhook: it hears of nothing new, and what it still had to send is marked failed.'),
  stateRoute('enable', 'Enable a disabled webhook again: it hears of events from now on.'),
  defineRoute({
    method: 'get',
    path: '/webhooks/:id/deliveries',
    operationId: 'listWebhookDeliveries',
    tag: 'webhooks',
    summary: 'A webhook’s deliveries, newest first: each event, its state, attempts and the last answer or error; follow nextCursor.',
    authenticated: true,
    roles: ['admin'],
    schemas: { params: webhookIdParams, query: listDeliveriesQuery },
    responses: { 200: { description: 'A page of deliveries', schema: deliveryList }, ...errorResponses },
    handler: async ({ params, query, user, deps }) => ({ status: 200, body: await listDeliveries(deps.prisma, user, params.id, query) }),
  }),
  defineRoute({
    method: 'post',
    path: '/webhooks/:id/deliveries/:deliveryId/resend',
    operationId: 'resendWebhookDelivery',
    tag: 'webhooks',
    summary: 'Send a delivered or failed event again, with the same event id (a receiver that has it drops the repeat).',
    authenticated: true,
    roles: DELIVERY_LIFECYCLE.rolesFor('resend'),
    idempotency: 'optional',
    schemas: { params: deliveryParams },
    responses: { 200: { description: 'Queued again', schema: deliveryView }, ...errorResponses, ...wrongState },
    handler: async ({ params, user, deps }) => ({
      status: 200,
      body: await resendDelivery(webhookDepsOf(deps), user, params.id, params.deliveryId),
    }),
  }),
];
