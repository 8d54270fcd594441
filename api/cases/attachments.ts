import { addAttachment, readAttachment } from '../../domain/cases/attachments.ts';
import { CASE_LIFECYCLE } from '../../model/cases/lifecycle.ts';
import { attachmentParams, uploadBody, uploadHeaders, uploadResponses } from './attachments.schemas.ts';
import { caseIdParams } from './cases.schemas.ts';
import { errorResponses } from '../errors.schemas.ts';
import { downloadResult } from '../file-response.ts';
import { defineRoute } from '../route.ts';

export const attachmentRoutes = [
  defineRoute({
    method: 'post',
    path: '/cases/:id/attachments',
    operationId: 'attachToCase',
    tag: 'cases',
    summary:
      'Attach a photo or document (PNG, JPEG, PDF, DOCX, XLSX, plain text): the file is the request body, named by X-File-Name. The file is recorded in the case’s history; the filing unit adds files at any open status, the district and the city while they hold the case (the `attach` step; 409 otherwise).',
    authenticated: true,
    idempotency: 'optional',
    roles: CASE_LIFECYCLE.rolesFor('attach'),
    rawBody: true,
    schemas: { params: caseIdParams, headers: uploadHeaders, body: uploadBody },
    responses: uploadResponses('case'),
    handler: async ({ params, headers, body, user, deps }) => ({
      status: 201,
      body: await addAttachment({ ...deps, callDeadlineMs: deps.config.temporal.callDeadlineMs }, user, params.id, {
        fileName: headers['x-file-name'],
        contentType: headers['content-type'],
        data: body,
      }),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/cases/:id/attachments/:attachmentId',
    operationId: 'downloadCaseAttachment',
    tag: 'cases',
    summary: 'Download an attachment.',
    authenticated: true,
    schemas: { params: attachmentParams },
    responses: { 200: { description: 'The file' }, ...errorResponses },
    handler: async ({ params, user, deps }) => downloadResult(await readAttachment(deps, user, params.id, params.attachmentId)),
  }),
];
