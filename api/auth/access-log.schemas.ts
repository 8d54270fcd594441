import { z } from 'zod';
import { PERSONAL_DATA_ACCESS_KINDS as KINDS } from '../../model/auth/access-log.ts';
import { pagedList, pageQuery } from '../paging.schemas.ts';

export const accessLogQuery = z.strictObject({
  kind: z.enum(KINDS).optional().describe('case_reporter, member_contact or ledger_export'),
  user: z.uuid().optional().describe('entries of this user'),
  subject: z.uuid().optional().describe('entries about this case, member or export job'),
  ...pageQuery,
});

export const accessLogEntry = z.object({
  id: z.string().describe('Grows with each entry'),
  user: z.object({ id: z.uuid(), name: z.string() }),
  kind: z.enum(KINDS),
  subjectId: z.uuid().nullable().describe('The case, member or export job; null for a direct (streamed) export'),
  detail: z.unknown().describe('What was exported: format, language and filter'),
  requestId: z.string().nullable(),
  occurredAt: z.iso.datetime(),
});

export const accessLogList = pagedList(accessLogEntry);
