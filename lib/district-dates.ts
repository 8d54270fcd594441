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
