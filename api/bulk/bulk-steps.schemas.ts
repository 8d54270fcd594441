import { z } from 'zod';
import { BULK_STEPS } from '../../model/bulk/bulk-steps.ts';
import { CASE_STATUSES } from '../../model/cases/lifecycle.ts';

export const bulkJobParams = z.strictObject({ id: z.string().regex(/^[0-9a-f]{32}$/, 'a bulk step’s id (32 hex digits)') });

const words = z.object({ zh: z.string(), en: z.string() });

export const bulkJobView = z.object({
  id: z.string(),
  step: z.enum(BULK_STEPS),
  startedAt: z.iso.datetime(),
  finished: z.boolean().describe('true once every case has its outcome'),
  counts: z.object({ total: z.number().int(), done: z.number().int(), refused: z.number().int(), pending: z.number().int() }),
  items: z
    .array(
      z.object({
        caseId: z.uuid(),
        outcome: z.enum(['done', 'refused', 'pending']),
        code: z.string().optional().describe('For a refused case: the error code the single step would have answered'),
        reason: words.optional().describe('For a refused case: why, in Chinese and English'),
        case: z
          .object({ number: z.number().int(), title: z.string(), status: z.enum(CASE_STATUSES) })
          .nullable()
          .describe('The case as the ledger has it now; null for a case the reader may not see'),
      }),
    )
    .describe('Each selected case in the order selected'),
});

export const bulkSelectionView = z.object({
  count: z.number().int().describe('How many cases the filter finds for the caller'),
  max: z.number().int().describe('At most this many cases in one bulk step'),
  steps: z.array(z.enum(BULK_STEPS)).describe('The bulk steps the caller’s role may take from a status some of the cases are in'),
});
