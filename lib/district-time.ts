import type { Clock } from './clock.ts';

/**
 * District time: every date a person gives or reads is a date in the district. It is configured
 * once, as an IANA zone (`DISTRICT_TIME_ZONE`); its UTC offset is derived from the zone at boot, and
 * a zone whose offset ever changes (daylight saving time, or a change of standard time) is refused,
 * because working-day arithmetic and workflow inputs count local days at one fixed offset (China
 * keeps no daylight saving time). Between 16:00 and 24:00 UTC the district's date is already
 * tomorrow's UTC date, so a UTC date is never the answer.
 *
 * Pure arithmetic on the offset, with the clock passed in: workflow code uses it too.
 */
export type DistrictTime = { zone: string; utcOffsetMinutes: number };

const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/** The years whose offsets must all agree: the ledger's dates are recent, and the zone's rules run to 2100. */
const CHECKED_YEARS = { from: 2000, to: 2100 };

/**
 * The zone's one UTC offset in minutes, read from the runtime's time zone data in January and July of
 * every year checked. Throws a RangeError naming the problem when the zone is unknown or has more
 * than one offset.
 */
export function fixedUtcOffsetOf(zone: string): number {
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
  } catch {
    throw new RangeError(`${zone} is not an IANA time zone such as Asia/Shanghai`);
  }
  const offsetAt = (moment: number) => {
    const part = Object.fromEntries(format.formatToParts(moment).map((p) => [p.type, Number(p.value)]));
    const local = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!);
    return Math.round((local - moment) / MINUTE_MS);
  };
  const offsets = new Set<number>();
  for (let year = CHECKED_YEARS.from; year <= CHECKED_YEARS.to; year += 1) {
    offsets.add(offsetAt(Date.UTC(year, 0, 15, 12)));
    offsets.add(offsetAt(Date.UTC(year, 6, 15, 12)));
  }
  if (offsets.size > 1) {
    const found = [...offsets].map((minutes) => `UTC${minutes < 0 ? '-' : '+'}${Math.abs(minutes) / 60}`).join(', ');
    throw new RangeError(
      `${zone} changes its UTC offset (${found} between ${CHECKED_YEARS.from} and ${CHECKED_YEARS.to}): district time needs a zone with one offset all year, such as Asia/Shanghai`,
    );
  }
  return [...offsets][0]!;
}

/** The district's calendar date (YYYY-MM-DD) at a moment. */
export function districtDateOf(moment: Date, utcOffsetMinutes: number): string {
  return new Date(moment.getTime() + utcOffsetMinutes * MINUTE_MS).toISOString().slice(0, 10);
}

/** Today in the district, by the injected clock. */
export function districtToday(clock: Clock, utcOffsetMinutes: number): string {
  return districtDateOf(clock.now(), utcOffsetMinutes);
}

/** The moment a district date (YYYY-MM-DD) reaches an hour of its day: 9 is 09:00, 24 the end of the day. */
export function districtMoment(date: string, hour: number, utcOffsetMinutes: number): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) + hour * HOUR_MS - utcOffsetMinutes * MINUTE_MS);
}

/** The moment a district day begins: 00:00 district time. */
export const districtDayStart = (date: string, utcOffsetMinutes: number): Date => districtMoment(date, 0, utcOffsetMinutes);

/** The moment a district day ends: 00:00 district time of the next day (exclusive). */
export const districtDayEnd = (date: string, utcOffsetMinutes: number): Date => districtMoment(date, 24, utcOffsetMinutes);

/** The moments bounding a calendar year in the district: January 1 00:00 district time to the next. */
export function districtYear(year: number, utcOffsetMinutes: number): { from: Date; to: Date } {
  return { from: districtDayStart(`${year}-01-01`, utcOffsetMinutes), to: districtDayStart(`${year + 1}-01-01`, utcOffsetMinutes) };
}

/** The district's calendar year at a moment. */
export const districtYearOf = (moment: Date, utcOffsetMinutes: number) => Number(districtDateOf(moment, utcOffsetMinutes).slice(0, 4));

/** `YYYY-MM-DD HH:mm (zone)`: a moment the way the district reads it. */
export function formatDistrictTime(moment: Date, time: DistrictTime): string {
  const local = new Date(moment.getTime() + time.utcOffsetMinutes * MINUTE_MS).toISOString();
  return `${local.slice(0, 10)} ${local.slice(11, 16)} (${time.zone})`;
}
