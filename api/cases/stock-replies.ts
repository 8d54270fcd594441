import {
  createStockReply,
  deleteStockReply,
  listStockReplies,
  stockRepliesForCase,
  updateStockReply,
} from '../../domain/cases/stock-replies.ts';
import { errorResponses } from '../errors.schemas.ts';
import { defineRoute } from '../route.ts';
import { caseIdParams } from './cases.schemas.ts';
import {
  caseStockRepliesQuery,
  caseStockReplyList,
  createStockReplyBody,
  stockReplyList,
  stockReplyParams,
  stockReplyView,
  updateStockReplyBody,
} from './stock-replies.schemas.ts';

const KEEPERS = ['admin', 'district_officer'] as const;

export const stockReplyRoutes = [
  defineRoute({
    method: 'get',
    path: '/cases/:id/stock-replies',
    operationId: 'caseStockReplies',
    tag: 'cases',
    summary:
      'The stock replies a step’s dialog offers on a case the caller sees: its district’s and those for every district, for the step and the case’s category, with the case’s number, unit and deadline filled in. The step still validates whatever text is sent.',
    authenticated: true,
    schemas: { params: caseIdParams, query: caseStockRepliesQuery },
    responses: { 200: { description: 'The replies, filled in', schema: caseStockReplyList }, ...errorResponses },
    handler: async ({ params, query, user, deps }) => ({
      status: 200,
      body: { items: await stockRepliesForCase(deps.prisma, user, params.id, query.step, deps.config.districtTime) },
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/stock-replies',
    operationId: 'listStockReplies',
    tag: 'cases',
    summary: 'The stock replies the caller keeps or reads: an admin all, a district officer their district’s and those for every district.',
    authenticated: true,
    roles: KEEPERS,
    schemas: {},
    responses: { 200: { description: 'Stock replies by step and name', schema: stockReplyList }, ...errorResponses },
    handler: async ({ user, deps }) => ({ status: 200, body: { items: await listStockReplies(deps.prisma, user) } }),
  }),
  defineRoute({
    method: 'post',
    path: '/stock-replies',
    operationId: 'createStockReply',
    tag: 'cases',
    summary:
      'Keep a reply text for a step (and a category, or all), in Chinese and English: an admin for every district or one, a district officer for their own. Repeating the Idempotency-Key returns the same reply.',
    authenticated: true,
    roles: KEEPERS,
    idempotency: 'optional',
    schemas: { body: createStockReplyBody },
    responses: { 201: { description: 'Kept', schema: stockReplyView }, ...errorResponses },
    handler: async ({ body, user, deps }) => {
      const reply = await createStockReply(deps, user, body);
      return { status: 201, body: reply, headers: { Location: `/stock-replies/${reply.id}` } };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/stock-replies/:id',
    operationId: 'updateStockReply',
    tag: 'cases',
    summary: 'Change a stock reply; a district officer only their district’s (403 for one kept for every district).',
    authenticated: true,
    roles: KEEPERS,
    schemas: { params: stockReplyParams, body: updateStockReplyBody },
    responses: { 200: { description: 'Changed', schema: stockReplyView }, ...errorResponses },
    handler: async ({ params, body, user, deps }) => ({ status: 200, body: await updateStockReply(deps, user, params.id, body) }),
  }),
  defineRoute({
    method: 'delete',
    path: '/stock-replies/:id',
    operationId: 'deleteStockReply',
    tag: 'cases',
    summary: 'Delete a stock reply; a district officer only their district’s.',
    authenticated: true,
    roles: KEEPERS,
    schemas: { params: stockReplyParams },
    responses: { 204: { description: 'Deleted' }, ...errorResponses },
    handler: async ({ params, user, deps }) => {
      await deleteStockReply(deps.prisma, user, params.id);
      return { status: 204, body: undefined };
    },
  }),
];
