import { z } from 'zod';
import { lineText } from '../../model/text.ts';
import { ledgerFilters } from '../cases/filters.schemas.ts';

const pageLimit = (fallback: number) => z.coerce.number().int().min(1).max(100).default(fallback);

export const statisticsQuery = z.strictObject({
  ...ledgerFilters,
  repeatedLimit: pageLimit(20),
  repeatedCursor: z.string().max(500).optional(),
});

export const repeatedProblemCasesQuery = z.strictObject({
  ...ledgerFilters,
  category: lineText(200),
  place: lineText(500),
  limit: pageLimit(100),
  cursor: z.string().max(500).optional(),
});

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
  repeatedProblems: z.object({
    total: z.number().int(),
    items: z.array(
      z.object({
        category: z.string(),
        place: z.string(),
        cases: z.number().int(),
        units: z.number().int(),
        cycles: z.array(z.string()),
      }),
    ),
    nextCursor: z.string().nullable(),
  }),
});

export const repeatedProblemCasesView = z.object({
  cases: z.array(z.object({ id: z.uuid(), number: z.number().int() })),
  nextCursor: z.string().nullable(),
});
