import { z } from 'zod';
import { CASE_STATUSES } from '../workflows/definitions.ts';

export const annex3Query = z.strictObject({
  format: z.enum(['csv', 'xlsx']).default('csv'),
  lang: z.enum(['zh', 'en']).default('zh'),
  unit: z.uuid().optional(),
  district: z.uuid().optional(),
  cycle: z
    .string()
    .regex(/^\d{4}-H[12]$/, 'a half-year such as 2026-H2')
    .optional(),
  status: z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()))
    .pipe(z.array(z.enum(CASE_STATUSES)).min(1))
    .optional(),
  filedFrom: z.iso.date().optional(),
  filedTo: z.iso.date().optional(),
});
