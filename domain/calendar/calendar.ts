import { isUniqueViolation, type Db } from '../../lib/db.ts';
import type { Language } from '../../lib/errors.ts';
import { nationalCalendarDays, nationalHolidaySources } from '../../model/calendar/national-holidays.ts';
import type { CalendarExceptions } from '../../model/calendar/working-days.ts';

type LoadedCalendar = { version: number; exceptions: CalendarExceptions };

/**
 * The working-day calendar at a version (the newest when null). Version 0 - no exceptions, Monday to
 * Friday - stands in until an admin saves the first one.
 */
export async function loadCalendar(prisma: Db, version: number | null): Promise<LoadedCalendar> {
  const chosen =
    version ?? (await prisma.calendarVersion.findFirst({ orderBy: { version: 'desc' }, select: { version: true } }))?.version ?? 0;
  const days = chosen === 0 ? [] : await prisma.calendarDay.findMany({ where: { version: chosen } });
  const holidays = new Set<string>();
  const workdays = new Set<string>();
  for (const day of days) (day.kind === 'holiday' ? holidays : workdays).add(day.date.toISOString().slice(0, 10));
  return { version: chosen, exceptions: { holidays, workdays } };
}

type CalendarDayInput = { date: string; kind: 'holiday' | 'workday'; name?: string };

/** Saves a whole new version; running cases keep the version they started with. */
export async function saveCalendarVersion(prisma: Db, days: CalendarDayInput[], note: string | undefined, userId: string) {
  return prisma.$transaction(async (tx) => {
    const latest = await tx.calendarVersion.findFirst({ orderBy: { version: 'desc' }, select: { version: true } });
    const version = (latest?.version ?? 0) + 1;
    await tx.calendarVersion.create({ data: { version, note: note ?? null, createdByUserId: userId } });
    await tx.calendarDay.createMany({
      data: days.map((d) => ({ version, date: new Date(`${d.date}T00:00:00Z`), kind: d.kind, name: d.name ?? null })),
    });
    return version;
  });
}

/**
 * A district's first calendar: the national holidays and make-up working days published so far
 * (model/calendar/national-holidays.ts), saved as version 1 when no version exists yet, so deadlines
 * skip the Spring Festival from the first start. Once any version exists (an admin's, or this one)
 * nothing is saved: an admin's edits are never overwritten. API instances starting together race for
 * version 1; the one that loses finds it saved.
 */
export async function shipNationalHolidays(prisma: Db, language: Language): Promise<{ shipped: boolean }> {
  if (await prisma.calendarVersion.findFirst({ select: { version: true } })) return { shipped: false };
  try {
    await prisma.$transaction(async (tx) => {
      await tx.calendarVersion.create({ data: { version: 1, note: nationalHolidaySources(), createdByUserId: null } });
      await tx.calendarDay.createMany({
        data: nationalCalendarDays(language).map((d) => ({
          version: 1,
          date: new Date(`${d.date}T00:00:00Z`),
          kind: d.kind,
          name: d.name,
        })),
      });
    });
    return { shipped: true };
  } catch (error) {
    if (isUniqueViolation(error)) return { shipped: false };
    throw error;
  }
}
