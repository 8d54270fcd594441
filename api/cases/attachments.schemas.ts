import { z } from 'zod';
import { bilingual } from '../../lib/errors.ts';
import { fileNameHeader } from '../file-names.ts';
import { errorBody, errorResponses } from '../errors.schemas.ts';

export const uploadHeaders = z.object({
  'content-type': z
    .string({ error: (issue) => (issue.input === undefined ? 'send the file with its Content-Type' : undefined) })
    .transform((v) => (v.split(';')[0] ?? '').trim().toLowerCase()),
  'x-file-name': fileNameHeader,
});

export const uploadBody = z
  .instanceof(Buffer, { error: bilingual({ zh: '请上传文件', en: 'send the file as the request body' }) })
  .refine((b) => b.length > 0, bilingual({ zh: '文件是空的', en: 'the file is empty' }));

export const attachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });

export const attachmentView = z.object({
  id: z.uuid(),
  fileName: z.string(),
  contentType: z.string(),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  createdAt: z.iso.datetime(),
});

/** The answers to an upload; `owner` names what holds the files ("case", "activity"). */
export const uploadResponses = (owner: string) => ({
  201: { description: 'Stored', schema: attachmentView },
  ...errorResponses,
  409: { description: `The ${owner} already holds the most attachments allowed`, schema: errorBody },
  413: { description: 'Larger than ATTACHMENT_MAX_BYTES', schema: errorBody },
  415: { description: 'A type not accepted, or content that does not match it', schema: errorBody },
});
