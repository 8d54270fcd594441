import { useQuery } from '@tanstack/react-query';
import { api, unwrap, type paths } from '../api/client.ts';
import { useSettings } from '../time.ts';

type Ok<P extends keyof paths, M extends 'get' | 'post' | 'patch'> = paths[P][M] extends {
  responses: { 200: { content: { 'application/json': infer T } } };
}
  ? T
  : never;
type BodyOf<P extends keyof paths, M extends 'post' | 'patch'> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer T } };
}
  ? T
  : never;

export type LeaderList = Ok<'/leaders', 'get'>;
export type LeaderRow = LeaderList['items'][number];
export type LeaderYear = Ok<'/leaders/{id}', 'get'>;
export type Activity = Ok<'/leader-activities/{activityId}', 'get'>;
export type Project = Ok<'/public-service-projects', 'get'>['items'][number];
export type NewLeader = BodyOf<'/leaders', 'post'>;
export type LeaderChanges = BodyOf<'/leaders/{id}', 'patch'>;
export type NewActivity = BodyOf<'/leaders/{id}/activities', 'post'>;
export type QuotaItem = keyof LeaderRow['record']['standing']['required'];

/** The rows a paged table shows at once, and its antd pagination from the API's page. */
export const PAGE_SIZE = 20;
export const pagination = (page: { total: number; offset: number; limit: number } | undefined, onChange: (offset: number) => void) => ({
  total: page?.total ?? 0,
  pageSize: PAGE_SIZE,
  current: page ? Math.floor(page.offset / page.limit) + 1 : 1,
  showSizeChanger: false,
  onChange: (n: number) => onChange((n - 1) * PAGE_SIZE),
});

/** The district's current calendar year, from the current half-year the API names (never the browser's clock). */
export function useDistrictYear(): number | undefined {
  const cycle = useSettings().data?.currentCycle;
  return cycle ? Number(cycle.slice(0, 4)) : undefined;
}

export const leadersKey = ['leaders'];

/** A page of the caller's leaders with their standing for the year. */
export function useLeaders(offset: number, year: number | undefined) {
  return useQuery({
    queryKey: [...leadersKey, offset, year],
    enabled: year !== undefined,
    queryFn: async () => unwrap(await api.GET('/leaders', { params: { query: { limit: PAGE_SIZE, offset, year } } })),
  });
}
