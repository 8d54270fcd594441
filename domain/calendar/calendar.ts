import type { Db } from '../../lib/db.ts';
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
