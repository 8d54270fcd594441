import { z } from 'zod';

/** The filters every ledger-wide read shares: whose cases, and filed when. */
export const ledgerFilters = {
  unit: z.uuid().optional(),
  district: z.uuid().optional(),
  cycle: z
    .string()
    .regex(/^\d{4}-H[12]$/, 'a half-year such as 2026-H2')
    .optional(),
  filedFrom: z.iso.date().optional(),
  filedTo: z.iso.date().optional(),
};
