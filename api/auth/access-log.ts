import { listPersonalDataAccess } from '../../domain/auth/access-log.ts';
import { errorResponses } from '../errors.schemas.ts';
import { defineRoute } from '../route.ts';
import { accessLogList, accessLogQuery } from './access-log.schemas.ts';

export const accessLogRoutes = [
  defineRoute({
    method: 'get',
    path: '/admin/access-log',
    operationId: 'listAccessLog',
    tag: 'auth',
    summary:
      'The access log of personal information, newest first: each view of a reporter’s or member’s contact shown whole, and each export of the ledger, with who, when and the request id. Entries are never changed or removed.',
    authenticated: true,
    roles: ['admin'],
    schemas: { query: accessLogQuery },
    responses: { 200: { description: 'A page of the log', schema: accessLogList }, ...errorResponses },
    handler: async ({ query: { kind, user: userId, subject, limit, offset }, user, deps }) => ({
      status: 200,
      body: await listPersonalDataAccess(deps.prisma, user, { kind, userId, subjectId: subject }, { limit, offset }),
    }),
  }),
];
