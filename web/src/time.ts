import { useQuery } from '@tanstack/react-query';
import { api, unwrap } from './api/client.ts';
import { useI18n, useLabel } from './i18n/i18n.tsx';
import { halfYearParts, readCalendarDate, readDate, readDateTime, readDeadline } from './date-words.ts';

/** The district's time zone and current half-year, from the API (never guessed from the browser). */
export function useSettings() {
  return useQuery({
    queryKey: ['settings'],
    queryFn: async () => unwrap(await api.GET('/settings')),
    staleTime: 60 * 60_000,
  });
}

/**
 * Moments, dates, deadlines and half-years as a person in the district reads them, in the reader's
 * language (web/src/date-words.ts): 2026年12月7日 09:30, 12月26日前, 2026年下半年.
 */
export function useDistrictTime() {
  const { data } = useSettings();
  const { language, t } = useI18n();
  const label = useLabel();
  const zone = data?.timeZone ?? 'Asia/Shanghai';
  return {
    dateTime: (iso: string | null | undefined) => (iso ? readDateTime(iso, zone, language) : '—'),
    date: (iso: string | null | undefined) => (iso ? readDate(iso, zone, language) : '—'),
    /** A date a person gave (YYYY-MM-DD), such as the day a problem was found. */
    calendarDate: (date: string | null | undefined) => (date ? readCalendarDate(date, language) : '—'),
    /** The day (and time, unless midnight) work is due before: 12月26日前. */
    deadline: (iso: string | null | undefined, now = Date.now()) => {
      if (!iso) return '—';
      const { day, clock } = readDeadline(iso, zone, language, new Date(now).toISOString());
      return clock ? t('date.beforeAt', { date: day, clock }) : t('date.before', { date: day });
    },
    /** 2026-H2 as 2026年下半年 / Second half of 2026. */
    halfYear: (code: string) => {
      const parts = halfYearParts(code);
      return parts ? t('date.halfYear', { year: parts.year, half: label('halfYear', parts.half) }) : code;
    },
  };
}

/** Whole days and hours from now to a moment; negative once it has passed. */
export function timeLeft(iso: string, now: number) {
  const ms = Date.parse(iso) - now;
  const abs = Math.abs(ms);
  return { past: ms < 0, days: Math.floor(abs / 86_400_000), hours: Math.floor((abs % 86_400_000) / 3_600_000) };
}
