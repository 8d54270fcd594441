import { z } from 'zod';
import { CASE_STATUSES } from '../workflows/definitions.ts';
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
