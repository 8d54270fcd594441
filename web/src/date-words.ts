/**
 * How a person in the district reads a date, a moment, a deadline and a half-year, in Chinese or
 * English (pure: the React hook in time.ts feeds it the district's zone from /settings and the
 * reader's language). Chinese reads 2026年12月7日 and 12月26日前, English 7 Dec 2026 and before 26 Dec.
 */
export type Reader = 'zh' | 'en';

const INTL_LOCALE: Record<Reader, string> = { zh: 'zh-CN', en: 'en-GB' };
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(reader: Reader, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${reader}|${timeZone}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(INTL_LOCALE[reader], { timeZone, ...options });
    formatters.set(key, formatter);
  }
  return formatter;
}

// zh-CN writes the 'short' month as 12月 and en-GB as Dec: one set of options serves both readers.
const FULL_DATE = { year: 'numeric', month: 'short', day: 'numeric' } as const;
const MONTH_DAY = { month: 'short', day: 'numeric' } as const;
const CLOCK = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } as const;

/** The district's calendar year of a moment (to tell this year's deadlines from others, never shown). */
const districtYear = (moment: Date, timeZone: string) => formatterOf('en', timeZone, { year: 'numeric' }).format(moment);

const clockOf = (moment: Date, timeZone: string) => formatterOf('en', timeZone, CLOCK).format(moment);

/** A moment's district date: 2026年12月7日 / 7 Dec 2026. */
export function readDate(iso: string, timeZone: string, reader: Reader): string {
  return formatterOf(reader, timeZone, FULL_DATE).format(new Date(iso));
}

/** A moment with its district clock time: 2026年12月7日 09:30 / 7 Dec 2026, 09:30. */
export function readDateTime(iso: string, timeZone: string, reader: Reader): string {
  const moment = new Date(iso);
  return `${readDate(iso, timeZone, reader)}${reader === 'zh' ? ' ' : ', '}${clockOf(moment, timeZone)}`;
}

/** A calendar date a person gave (YYYY-MM-DD, no time of day): read as written, whatever the zone. */
export function readCalendarDate(date: string, reader: Reader): string {
  return readDate(`${date}T12:00:00Z`, 'UTC', reader);
}

/**
 * The day and time a deadline falls on, without the year when it is the current one. A deadline at
 * the district's midnight is the start of a day the work must come before ("12月26日前"), so it is
 * named by that day alone; `before` wraps it in the reader's words.
 */
export function readDeadline(iso: string, timeZone: string, reader: Reader, nowIso: string): { day: string; clock?: string } {
  const moment = new Date(iso);
  const sameYear = districtYear(moment, timeZone) === districtYear(new Date(nowIso), timeZone);
  const day = formatterOf(reader, timeZone, sameYear ? MONTH_DAY : FULL_DATE).format(moment);
  const clock = clockOf(moment, timeZone);
  return clock === '00:00' ? { day } : { day, clock };
}

/** A half-year code (2026-H2) split into its year and half, or undefined for anything else. */
export function halfYearParts(code: string): { year: string; half: 'H1' | 'H2' } | undefined {
  const match = /^(\d{4})-(H[12])$/.exec(code);
  return match ? { year: match[1]!, half: match[2] as 'H1' | 'H2' } : undefined;
}

/** `count` half-years up to `current`, newest first ('2026-H2', '2026-H1', '2025-H2', …); none for a code that is not one. */
export function recentHalfYears(current: string | undefined, count: number): string[] {
  const parts = current ? halfYearParts(current) : undefined;
  if (!parts) return [];
  const halves: string[] = [];
  let year = Number(parts.year);
  let half = parts.half;
  while (halves.length < count) {
    halves.push(`${year}-${half}`);
    [year, half] = half === 'H2' ? [year, 'H1'] : [year - 1, 'H2'];
  }
  return halves;
}
