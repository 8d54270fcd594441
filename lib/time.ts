function partsInZone(date: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(date);
  return (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
}

/** `YYYY-MM-DD HH:mm` in a time zone, the way the district reads dates. */
export function formatInZone(date: Date, timeZone: string, options: { withZone?: boolean } = { withZone: true }): string {
  const get = partsInZone(date, timeZone);
  const text = `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
  return options.withZone === false ? text : `${text} (${timeZone})`;
}

/** `YYYY-MM-DD`: the calendar date in a time zone at a moment. */
export function dateInZone(date: Date, timeZone: string): string {
  const get = partsInZone(date, timeZone);
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The calendar date (`YYYY-MM-DD`) it is in the district at a moment, by the district's UTC offset. */
export function districtDate(moment: Date, utcOffsetMinutes: number): string {
  return new Date(moment.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** The moments (UTC) bounding a calendar year in the district: January 1 00:00 local to the next. */
export function districtYear(year: number, utcOffsetMinutes: number): { from: Date; to: Date } {
  return {
    from: districtMoment(`${year}-01-01`, '00:00', utcOffsetMinutes),
    to: districtMoment(`${year + 1}-01-01`, '00:00', utcOffsetMinutes),
  };
}

/** A local date and time in the district as a moment. */
export function districtMoment(date: string, time: string, utcOffsetMinutes: number): Date {
  return new Date(Date.parse(`${date}T${time}:00Z`) - utcOffsetMinutes * 60_000);
}

/** The district's calendar year at a moment. */
export const districtYearOf = (moment: Date, utcOffsetMinutes: number) => Number(districtDate(moment, utcOffsetMinutes).slice(0, 4));
