import { z } from 'zod';
import type { Annex3Request } from '../../domain/exports/annex3-export.ts';
import { CASE_STATUSES } from '../../model/cases/lifecycle.ts';
import { ledgerFilters } from '../cases/filters.schemas.ts';
import { EXPORT_JOB_ACTIONS, EXPORT_JOB_STATES } from '../../model/exports/export-job.ts';

/** One Annex 3 request, the same for the download, an export job and `npm run export:annex3`. */
export const annex3Parameters = z
  .strictObject({
    format: z.enum(['csv', 'xlsx']).default('csv'),
    lang: z.enum(['zh', 'en']).default('zh'),
    ...ledgerFilters,
    status: z
      .string()
      .transform((v) => v.split(',').map((s) => s.trim()))
      .pipe(z.array(z.enum(CASE_STATUSES)).min(1))
      .optional(),
  })
  .transform(({ format, lang, unit, district, cycle, status, filedFrom, filedTo }): Annex3Request => ({
    format,
    lang,
    filter: { unitId: unit, districtId: district, cycle, status, filedFrom, filedTo },
  }));

export const exportJobParams = z.strictObject({ id: z.uuid() });
export const exportJobView = z.object({
  id: z.uuid(),
  status: z.enum(EXPORT_JOB_STATES),
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
  allowedActions: z.array(z.enum(EXPORT_JOB_ACTIONS)),
});

export const exportJobList = z.object({ items: z.array(exportJobView), nextCursor: z.string().nullable() });
export const listExportJobsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: z.string().max(500).optional(),
});
