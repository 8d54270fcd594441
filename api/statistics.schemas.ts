import { z } from 'zod';
import { ledgerFilters } from './filters.schemas.ts';

export const statisticsQuery = z.strictObject(ledgerFilters);

const figures = z.object({
  unit: z.object({ id: z.string(), code: z.string(), name: z.string() }),
  filed: z.number().int(),
  open: z.number().int(),
  forwarded: z.number().int(),
  solvedAtDistrict: z.number().int(),
  solvedAtMunicipal: z.number().int(),
  unsolvable: z.number().int(),
  rejected: z.number().int(),
  merged: z.number().int(),
  overdue: z.number().int(),
  resolutionWorkingDays: z.object({ resolved: z.number().int(), median: z.number().nullable(), p90: z.number().nullable() }),
  satisfaction: z.object({ answers: z.number().int(), satisfied: z.number().int(), rate: z.number().nullable() }),
});

export const statisticsView = z.object({
  filter: z.record(z.string(), z.unknown()),
  calendarVersion: z.number().int(),
  total: figures,
  units: z.array(figures),
  breakdown: z.object({
    byKind: z.record(z.string(), z.number().int()),
    byCategory: z.record(z.string(), z.number().int()),
    byStatus: z.record(z.string(), z.number().int()),
    byHalfYear: z.record(z.string(), z.number().int()),
  }),
  repeatedProblems: z.array(
    z.object({
      category: z.string(),
      place: z.string(),
      cases: z.number().int(),
      units: z.number().int(),
      cycles: z.array(z.string()),
      caseIds: z.array(z.uuid()),
    }),
  ),
});
