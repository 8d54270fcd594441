import { addAttachment, readAttachment } from '../domain/attachments.ts';
import { attachmentParams, attachmentView, uploadBody, uploadHeaders } from './attachments.schemas.ts';
import { caseIdParams } from './cases.schemas.ts';
import { errorBody, errorResponses } from './errors.schemas.ts';
import { attachmentDisposition } from './file-names.ts';
import { defineRoute } from './route.ts';

export const attachmentRoutes = [
  defineRoute({
    method: 'post',
    path: '/cases/:id/attachments',
    tag: 'attachments',
    summary: 'Attach a photo or document (PNG, JPEG, PDF, DOCX, XLSX, plain text): the file is the request body, named by X-File-Name.',
    authenticated: true,
    roles: ['street_staff', 'district_officer', 'municipal_liaison'],
    rawBody: true,
    schemas: { params: caseIdParams, headers: uploadHeaders, body: uploadBody },
    responses: {
      201: { description: 'Stored', schema: attachmentView },
      ...errorResponses,
      409: { description: 'The case already holds the most attachments allowed', schema: errorBody },
      413: { description: 'Larger than ATTACHMENT_MAX_BYTES', schema: errorBody },
      415: { description: 'A type not accepted, or content that does not match it', schema: errorBody },
    },
    handler: async ({ params, headers, body, user, deps }) => ({
      status: 201,
      body: await addAttachment(deps, user, params.id, {
        fileName: headers['x-file-name'],
        contentType: headers['content-type'],
        data: body,
      }),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/cases/:id/attachments/:attachmentId',
    tag: 'attachments',
    summary: 'Download an attachment.',
    authenticated: true,
    schemas: { params: attachmentParams },
    responses: { 200: { description: 'The file' }, ...errorResponses },
    handler: async ({ params, user, deps }) => {
      const file = await readAttachment(deps, user, params.id, params.attachmentId);
      return {
        status: 200,
        body: file.data,
        headers: {
          'Content-Type': file.contentType,
          'Content-Disposition': attachmentDisposition(file.fileName),
          'X-Content-Type-Options': 'nosniff',
        },
      };
    },
  }),
];
