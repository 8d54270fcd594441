/**
 * A page of a list that shows its total: `limit` rows from `offset`. Offset paging, because the
 * screens show "n in all" and jump to a page number; lists that grow without end (the ledger) use
 * cursors instead.
 */
export type Page = { limit: number; offset: number };

/** The rows of one page and the count of all, read side by side. */
export async function pageOf<T>(page: Page, count: () => Promise<number>, rows: (page: Page) => Promise<T[]>) {
  const [total, items] = await Promise.all([count(), rows(page)]);
  return { items, total, limit: page.limit, offset: page.offset };
}
