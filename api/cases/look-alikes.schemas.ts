import { z } from 'zod';
import { CASE_STATUSES } from '../../model/cases/lifecycle.ts';
import { LOOK_ALIKE_PARTS } from '../../domain/cases/look-alike-score.ts';
import { lineText, plainText } from '../../model/text.ts';

/** What the clerk has typed so far: the title is enough; the place, description and category sharpen it. */
export const draftLookAlikesQuery = z.strictObject({
  title: lineText(200, 2),
  category: lineText(100, 0).optional(),
  location: lineText(300, 0).default(''),
  // Its beginning is enough to compare, and the whole query must fit in a URL (Node refuses over 16 kB of headers).
  description: plainText(300, 0).optional(),
});

const lookAlikeReason = z
  .object({
    part: z.enum(LOOK_ALIKE_PARTS),
    shared: z.array(z.string()),
  })
  .describe('Why it matched: the place, the problem or the category, with the words shared (none for a case the caller may not open)');

/** An open case that looks like the same problem (domain/cases/duplicates.ts). */
export const duplicateSuggestion = z
  .object({
    number: z.number().int(),
    score: z.number(),
    reasons: z.array(lookAlikeReason),
    id: z.uuid().optional(),
    title: z.string().optional(),
    status: z.enum(CASE_STATUSES).optional(),
    filingUnitId: z.uuid().optional(),
  })
  .describe(
    'An open look-alike; id, title, status and filingUnitId only for cases the caller may open (another unit’s case shows its number alone)',
  );

export const lookAlikeList = z.object({ items: z.array(duplicateSuggestion) });
