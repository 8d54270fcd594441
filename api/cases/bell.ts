import { bellFor, markBellRead } from '../../domain/cases/bell.ts';
import { errorResponses } from '../errors.schemas.ts';
import { defineRoute } from '../route.ts';
import { bellView, markBellReadBody } from './bell.schemas.ts';

export const bellRoutes = [
  defineRoute({
    method: 'get',
    path: '/bell',
    operationId: 'getBell',
    tag: 'cases',
    summary:
      'What needs the caller now, read from the ledger: cases a colleague assigned to them, their unit’s cases returned with questions, their own cases due within a day or overdue; newest first, with the unread count.',
    authenticated: true,
    schemas: {},
    responses: { 200: { description: 'The bell’s items', schema: bellView }, ...errorResponses },
    handler: async ({ user, deps }) => ({ status: 200, body: await bellFor(deps, user) }),
  }),
  defineRoute({
    method: 'post',
    path: '/bell/read',
    operationId: 'markBellRead',
    tag: 'cases',
    summary: 'Mark the bell’s items read: those named, or all shown now. Marking again changes nothing.',
    authenticated: true,
    schemas: { body: markBellReadBody },
    responses: { 200: { description: 'The bell after marking', schema: bellView }, ...errorResponses },
    handler: async ({ body, user, deps }) => ({ status: 200, body: await markBellRead(deps, user, body.keys) }),
  }),
];
