import { z } from 'zod';

/** The query of a paged list that shows its total (lib/paging.ts): at most 100 rows a page. */
export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(100).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
};

/** A page of `item`s with the total the filters match. */
export const pagedList = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
