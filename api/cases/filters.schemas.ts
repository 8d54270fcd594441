import { z } from 'zod';
import { boundedDate, boundedHalfYear } from '../../model/dates.ts';

/** The filters every ledger-wide read shares: whose cases, and filed when. */
export const ledgerFilters = {
  unit: z.uuid().optional(),
  district: z.uuid().optional(),
  cycle: boundedHalfYear.optional(),
  filedFrom: boundedDate.optional(),
  filedTo: boundedDate.optional(),
};
