/**
 * Working-day arithmetic on a calendar kept as data: weekends are off unless listed as make-up
 * working days, weekdays are on unless listed as public holidays. Dates are the district's local
 * calendar dates (YYYY-MM-DD); times are shifted by the zone's fixed UTC offset (no DST in China).
 */
export type CalendarExceptions = { holidays: ReadonlySet<string>; workdays: ReadonlySet<string> };

const DAY_MS = 86_400_000;

export function isWorkingDay(date: string, calendar: CalendarExceptions): boolean {
  if (calendar.holidays.has(date)) return false;
  if (calendar.workdays.has(date)) return true;
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/**
 * The moment `workingDays` working days after `from`: the same local time of day on the
 * `workingDays`-th working day after from's local date.
 */
export function addWorkingDays(from: Date, workingDays: number, calendar: CalendarExceptions, utcOffsetMinutes: number): Date {
  if (!Number.isInteger(workingDays) || workingDays < 0)
    throw new RangeError(`workingDays must be a whole number >= 0, got ${workingDays}`);
  const offset = utcOffsetMinutes * 60_000;
  let local = from.getTime() + offset;
  let remaining = workingDays;
  let guard = 0;
  while (remaining > 0) {
    local += DAY_MS;
    if (isWorkingDay(new Date(local).toISOString().slice(0, 10), calendar)) remaining -= 1;
    if (++guard > 3660) throw new RangeError('no working days in ten years of calendar');
  }
  return new Date(local - offset);
}

/** Working days between two moments (whole days, by local date), for statistics. */
export function workingDaysBetween(from: Date, to: Date, calendar: CalendarExceptions, utcOffsetMinutes: number): number {
  const offset = utcOffsetMinutes * 60_000;
  let day = Math.floor((from.getTime() + offset) / DAY_MS) * DAY_MS;
  const end = Math.floor((to.getTime() + offset) / DAY_MS) * DAY_MS;
  let count = 0;
  while (day < end) {
    day += DAY_MS;
    if (isWorkingDay(new Date(day).toISOString().slice(0, 10), calendar)) count += 1;
  }
  return count;
}

/**
 * 09:00 local on the `workingDays`-th working day before the deadline's local date: when a
 * "7 working days left" reminder goes out.
 */
export function workingDaysBefore(
  deadline: Date,
  workingDays: number,
  calendar: CalendarExceptions,
  utcOffsetMinutes: number,
  hour = 9,
): Date {
  const offset = utcOffsetMinutes * 60_000;
  let day = Math.floor((deadline.getTime() + offset) / DAY_MS) * DAY_MS;
  let counted = 0;
  let guard = 0;
  while (counted < workingDays) {
    day -= DAY_MS;
    if (isWorkingDay(new Date(day).toISOString().slice(0, 10), calendar)) counted += 1;
    if (++guard > 3660) throw new RangeError('no working days in ten years of calendar');
  }
  return new Date(day + hour * 3_600_000 - offset);
}

/**
 * Working days counted from a first local date, for counting many spans at once (statistics in SQL):
 * `counts[k]` is the number of working days after `firstDay` up to and including `firstDay + k`
 * (days since 1970-01-01 by local date), so the working days between two moments of the range are
 * `counts[dayOf(to) - firstDay] - counts[dayOf(from) - firstDay]`, as `workingDaysBetween` counts them.
 */
export function cumulativeWorkingDays(from: Date, to: Date, calendar: CalendarExceptions, utcOffsetMinutes: number) {
  const firstDay = localDayNumber(from, utcOffsetMinutes);
  const lastDay = Math.max(firstDay, localDayNumber(to, utcOffsetMinutes));
  const counts = [0];
  for (let day = firstDay + 1, count = 0; day <= lastDay; day += 1) {
    if (isWorkingDay(new Date(day * DAY_MS).toISOString().slice(0, 10), calendar)) count += 1;
    counts.push(count);
  }
  return { firstDay, counts };
}

/** Days since 1970-01-01 of a moment's local date. */
export const localDayNumber = (moment: Date, utcOffsetMinutes: number) =>
  Math.floor((moment.getTime() + utcOffsetMinutes * 60_000) / DAY_MS);
