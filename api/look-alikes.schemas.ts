import { z } from 'zod';
import { plainText } from './text.schemas.ts';

export const draftLookAlikesQuery = z.strictObject({
  title: plainText(200, 2),
  category: plainText(100),
  location: plainText(300, 0).default(''),
});

/** An open case that looks like the same problem (domain/duplicates.ts). */
export const duplicateSuggestion = z.object({
  id: z.uuid(),
  number: z.number().int(),
  title: z.string(),
  status: z.string(),
  filingUnitId: z.uuid(),
  score: z.number(),
  reasons: z.array(z.string()),
});

export const lookAlikeList = z.object({ items: z.array(duplicateSuggestion) });
