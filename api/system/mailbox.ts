import { mailListQuery, mailListView } from './mailbox.schemas.ts';
import { errorResponses } from '../errors.schemas.ts';
import { defineRoute } from '../route.ts';

export const adminRoutes = [
  defineRoute({
    method: 'get',
    path: '/admin/mail',
    operationId: 'listMail',
    tag: 'system',
    summary: 'Mail received by the embedded development SMTP server, newest first.',
    authenticated: true,
    roles: ['admin'],
    schemas: { query: mailListQuery },
    responses: { 200: { description: 'Received mail', schema: mailListView }, ...errorResponses },
    handler: async ({ query, deps }) => {
      const messages = (deps.devMailbox?.messages().reverse().slice(0, query.limit) ?? []).map(({ attachments, ...mail }) => ({
        ...mail,
        attachments: attachments.map((a) => ({ filename: a.filename, contentType: a.contentType, bytes: a.content.length })),
      }));
      return { status: 200, body: { embeddedSmtp: deps.devMailbox !== undefined, messages } };
    },
  }),
];
