import { z } from 'zod';
import { CASE_STATUSES } from '../model/lifecycle.ts';
import { ledgerFilters } from './filters.schemas.ts';

export const annex3Query = z.strictObject({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  lang: z.enum(['zh', 'en']).default('zh'),
  ...ledgerFilters,
  status: z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()))
    .pipe(z.array(z.enum(CASE_STATUSES)).min(1))
    .optional(),
});

export const exportJobBody = annex3Query;
export const exportJobParams = z.strictObject({ id: z.uuid() });
export const exportJobView = z.object({
  id: z.uuid(),
  status: z.enum(['queued', 'running', 'completed', 'failed']),
  format: z.string(),
  lang: z.string(),
  filter: z.unknown(),
  rowsWritten: z.number().int(),
  totalRows: z.number().int().nullable(),
  percent: z.number().int(),
  bytes: z.number().int().nullable(),
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
  finishedAt: z.iso.datetime().nullable(),
  download: z.string().nullable(),
});
