import { useQuery } from '@tanstack/react-query';
import { ApiFailure, api, unwrap } from '../api/client.ts';
import { useSettings } from '../time.ts';
import { REFRESH_MS } from '../cases/refresh.ts';

/** The caller's district cycle for the current half-year; null when it has not been opened yet. */
export function useCurrentCycle() {
  const settings = useSettings();
  const cycle = settings.data?.currentCycle ?? '';
  const query = useQuery({
    queryKey: ['cycle', cycle],
    enabled: cycle !== '',
    refetchInterval: REFRESH_MS,
    queryFn: async () => {
      try {
        return unwrap(await api.GET('/cycles/{cycle}', { params: { path: { cycle } } }));
      } catch (error) {
        if (error instanceof ApiFailure && error.status === 404) return null;
        throw error;
      }
    },
  });
  return { cycle, ...query };
}

/** What the cycle workflow stores at the freeze (activities/cycle/cycles.ts summarizeCycle). */
export type CycleSummary = {
  computedAt: string;
  submittedOnTime: Array<{ unit: string; cases: number }>;
  notSubmitted: string[];
  batchForCity: number[];
  statistics?: { total?: { filed: number; open: number; overdue: number } };
};
