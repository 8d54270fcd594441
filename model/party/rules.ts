/**
 * Pure rules of section Four (no I/O): the dates of the year-end feedback and of the recommendation
 * round, and the recommendation quota. Used by workflows, the API and the tests alike.
 */
import type { QuotaRounding } from '../../lib/config.ts';
import { districtMoment } from '../../lib/district-time.ts';

/**
 * How many members a street/park may recommend: `percent` of its registered members, rounded by the
 * rule (`round` is half up: 10 members at 15 % -> 1.5 -> 2). Integer arithmetic, so 15 % of 20 is
 * exactly 3 and never 2.9999.
 */
export function recommendationQuota(registered: number, percent: number, rounding: QuotaRounding): number {
  const hundredths = registered * percent;
  if (rounding === 'floor') return Math.floor(hundredths / 100);
  if (rounding === 'ceil') return Math.ceil(hundredths / 100);
  return Math.floor((hundredths + 50) / 100);
}

export type FeedbackDates = { opens: string; deliver: string; deadline: string };

/**
 * A year's feedback: it opens (09:00), is compiled and delivered (09:00), and is due by the end of the
 * deadline day, all in district time.
 */
export function feedbackSchedule(year: number, dates: FeedbackDates, utcOffsetMinutes: number) {
  return {
    opensAt: districtMoment(`${year}-${dates.opens}`, 9, utcOffsetMinutes).toISOString(),
    deliverAt: districtMoment(`${year}-${dates.deliver}`, 9, utcOffsetMinutes).toISOString(),
    deadlineAt: districtMoment(`${year}-${dates.deadline}`, 24, utcOffsetMinutes).toISOString(),
  };
}

/** A round's submission deadline (end of the district day) and its end (end of the year, unapproved). */
export function roundSchedule(year: number, submitBy: string, utcOffsetMinutes: number) {
  return {
    submitByAt: districtMoment(`${year}-${submitBy}`, 24, utcOffsetMinutes).toISOString(),
    endsAt: districtMoment(`${year + 1}-01-01`, 0, utcOffsetMinutes).toISOString(),
  };
}

/** The first and last district day of a year, as UTC dates for `@db.Date` columns. */
export const yearDates = (year: number) => ({ from: new Date(`${year}-01-01T00:00:00Z`), to: new Date(`${year}-12-31T00:00:00Z`) });
