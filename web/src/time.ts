import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './api/client.ts';

/** The district's time zone and current half-year, from the API (never guessed from the browser). */
export function useSettings() {
  return useQuery({
    queryKey: ['settings'],
    queryFn: async () => unwrap(await api.GET('/settings')),
    staleTime: 60 * 60_000,
  });
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(timeZone: string, withTime: boolean) {
  const key = `${timeZone}|${withTime}`;
  let f = formatters.get(key);
  if (!f) {
    // sv-SE writes ISO-like dates (2026-11-25 09:30), the same in both languages.
    f = new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withTime ? { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' as const } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

/** A moment as a person in the district reads it. */
export function useDistrictTime() {
  const { data } = useSettings();
  const zone = data?.timeZone ?? 'Asia/Shanghai';
  return {
    dateTime: (iso: string | null | undefined) => (iso ? formatter(zone, true).format(new Date(iso)) : '—'),
    date: (iso: string | null | undefined) => (iso ? formatter(zone, false).format(new Date(iso)) : '—'),
  };
}

/** Whole days and hours from now to a moment; negative once it has passed. */
export function timeLeft(iso: string, now: number) {
  const ms = Date.parse(iso) - now;
  const abs = Math.abs(ms);
  return { past: ms < 0, days: Math.floor(abs / 86_400_000), hours: Math.floor((abs % 86_400_000) / 3_600_000) };
}
