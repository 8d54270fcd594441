import { z } from 'zod';
import { CASE_STATUSES } from '../../model/cases/lifecycle.ts';
import { lineText } from '../../model/text.ts';

export const draftLookAlikesQuery = z.strictObject({
  title: lineText(200, 2),
  category: lineText(100),
  location: lineText(300, 0).default(''),
});

/** An open case that looks like the same problem (domain/cases/duplicates.ts). */
export const duplicateSuggestion = z
  .object({
    number: z.number().int(),
    score: z.number(),
    reasons: z.array(z.string()),
    id: z.uuid().optional(),
    title: z.string().optional(),
    status: z.enum(CASE_STATUSES).optional(),
    filingUnitId: z.uuid().optional(),
  })
  .describe(
    'An open look-alike; id, title, status and filingUnitId only for cases the caller may open (another unit’s case shows its number alone)',
  );

export const lookAlikeList = z.object({ items: z.array(duplicateSuggestion) });
