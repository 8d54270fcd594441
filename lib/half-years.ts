import { districtDateOf, districtDayStart } from './district-time.ts';

/**
 * The notice's half-years: a unit's ledger is due before June 26 (H1) and before December 26 (H2).
 * H1 of a year covers December 26 of the year before to June 25; H2 June 26 to December 25
 * (with other configured deadlines, the windows move with them).
 * Pure date arithmetic (no I/O): used by workflows and by queries alike.
 */
export type HalfYearDeadlines = { h1: string; h2: string };
/** The notice's dates (MM-DD); configurable because a district may set its own. */
export const NOTICE_DEADLINES: HalfYearDeadlines = { h1: '06-26', h2: '12-26' };

/** A half-year code (2026-H1) as its year and half, or undefined for anything else. */
export function parseHalfYear(cycle: string): { year: number; half: 'H1' | 'H2' } | undefined {
  const match = /^(\d{4})-(H[12])$/.exec(cycle);
  return match ? { year: Number(match[1]), half: match[2] as 'H1' | 'H2' } : undefined;
}

function requireHalfYear(cycle: string) {
  const parsed = parseHalfYear(cycle);
  if (!parsed) throw new RangeError(`cycle must look like 2026-H1, got ${cycle}`);
  return parsed;
}

export function halfYearWindow(
  cycle: string,
  utcOffsetMinutes: number,
  deadlines: HalfYearDeadlines = NOTICE_DEADLINES,
): { from: Date; to: Date } {
  const { year, half } = requireHalfYear(cycle);
  const [start, end] =
    half === 'H1' ? [`${year - 1}-${deadlines.h2}`, `${year}-${deadlines.h1}`] : [`${year}-${deadlines.h1}`, `${year}-${deadlines.h2}`];
  return { from: districtDayStart(start, utcOffsetMinutes), to: districtDayStart(end, utcOffsetMinutes) };
}

/** The half-year a moment falls in: from December 26 it counts toward the next year's H1. */
export function halfYearOf(moment: Date, utcOffsetMinutes: number, deadlines: HalfYearDeadlines = NOTICE_DEADLINES): string {
  const date = districtDateOf(moment, utcOffsetMinutes);
  const year = Number(date.slice(0, 4));
  const monthDay = date.slice(5, 10);
  if (monthDay >= deadlines.h2) return `${year + 1}-H1`;
  return monthDay >= deadlines.h1 ? `${year}-H2` : `${year}-H1`;
}

/** The half-year after this one: 2026-H1 -> 2026-H2 -> 2027-H1. */
export function nextHalfYear(cycle: string): string {
  const { year, half } = requireHalfYear(cycle);
  return half === 'H1' ? `${year}-H2` : `${year + 1}-H1`;
}
