import type { Clock } from './clock.ts';

/**
 * Dates people give and read are dates in the district, whose clock runs at a fixed UTC offset
 * (China keeps no daylight saving time). Between 16:00 and 24:00 UTC the district's date is
 * already tomorrow's UTC date, so a UTC date is never the answer. Pure: the clock is passed in.
 */
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

/** The district's calendar date (YYYY-MM-DD) at a moment. */
export function districtDateOf(moment: Date, utcOffsetMinutes: number): string {
  return new Date(moment.getTime() + utcOffsetMinutes * MINUTE_MS).toISOString().slice(0, 10);
}

/** Today in the district, by the injected clock. */
export function districtToday(clock: Clock, utcOffsetMinutes: number): string {
  return districtDateOf(clock.now(), utcOffsetMinutes);
}

/** The moment a district day (YYYY-MM-DD) begins: 00:00 district time. */
export function districtDayStart(date: string, utcOffsetMinutes: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - utcOffsetMinutes * MINUTE_MS);
}

/** The moment a district day ends: 00:00 district time of the next day (exclusive). */
export function districtDayEnd(date: string, utcOffsetMinutes: number): Date {
  return new Date(districtDayStart(date, utcOffsetMinutes).getTime() + DAY_MS);
}

/** A district date and time of day (`HH:mm`) as a moment. */
export function districtMoment(date: string, time: string, utcOffsetMinutes: number): Date {
  return new Date(Date.parse(`${date}T${time}:00Z`) - utcOffsetMinutes * MINUTE_MS);
}

/** The moments bounding a calendar year in the district: January 1 00:00 district time to the next. */
export function districtYear(year: number, utcOffsetMinutes: number): { from: Date; to: Date } {
  return { from: districtDayStart(`${year}-01-01`, utcOffsetMinutes), to: districtDayStart(`${year + 1}-01-01`, utcOffsetMinutes) };
}

/** The district's calendar year at a moment. */
export const districtYearOf = (moment: Date, utcOffsetMinutes: number) => Number(districtDateOf(moment, utcOffsetMinutes).slice(0, 4));
