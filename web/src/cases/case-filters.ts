import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type SavedView } from '../api/client.ts';
import { REFRESH_MS } from './refresh.ts';

/** A list's filters and sort as the API keeps them in a saved view and names them for a worklist. */
export type CaseFilters = SavedView['filters'];

/** The case list's URL parameters, the same names as `GET /cases` takes. */
export const FILTER_NAMES = ['unit', 'status', 'kind', 'urgent', 'overdue', 'owner', 'held', 'filedFrom', 'filedTo', 'q', 'sort'] as const;
export type FilterName = (typeof FILTER_NAMES)[number];
const LISTS: ReadonlySet<FilterName> = new Set(['status']);
const FLAGS: ReadonlySet<FilterName> = new Set(['urgent', 'overdue', 'held']);

/** The filters as the list's address: `/cases?owner=me&sort=due`, a view's id kept beside them. */
export function filtersToParams(filters: CaseFilters, viewId?: string): URLSearchParams {
  const params = new URLSearchParams();
  for (const name of FILTER_NAMES) {
    const value = filters[name];
    if (value === undefined) continue;
    params.set(name, Array.isArray(value) ? value.join(',') : String(value));
  }
  if (viewId) params.set('view', viewId);
  return params;
}

/** The list's address as filters to save; the API checks each value (a field error names a bad one). */
export function paramsToFilters(params: URLSearchParams): CaseFilters {
  const filters: Record<string, unknown> = {};
  for (const name of FILTER_NAMES) {
    const value = params.get(name);
    if (!value) continue;
    filters[name] = LISTS.has(name) ? value.split(',') : FLAGS.has(name) ? value === 'true' : value;
  }
  return filters as CaseFilters;
}

/** The menu's lists and saved views with their counts, refreshed as the case lists are. */
export const useWorklists = (enabled = true) =>
  useQuery({
    queryKey: ['worklists'],
    enabled,
    queryFn: async () => unwrap(await api.GET('/worklists')),
    refetchInterval: REFRESH_MS,
  });
