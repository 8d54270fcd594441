import { useState } from 'react';

const PAGE_SIZE = 20;

/**
 * Offset paging of a table whose list answers its total (lib/paging.ts on the server): the query's
 * `limit` and `offset`, and the table's pagination that moves them.
 */
export function useTablePages(showTotal: (total: number) => string) {
  const [offset, setOffset] = useState(0);
  return {
    query: { limit: PAGE_SIZE, offset },
    pagination: (total: number | undefined) => ({
      current: offset / PAGE_SIZE + 1,
      pageSize: PAGE_SIZE,
      total: total ?? 0,
      showTotal,
      onChange: (page: number) => setOffset((page - 1) * PAGE_SIZE),
    }),
  };
}
