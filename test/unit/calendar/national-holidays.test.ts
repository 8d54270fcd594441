import { describe, expect, it } from 'vitest';
import { NATIONAL_HOLIDAYS, nationalCalendarDays, nationalHolidaySources } from '../../../model/calendar/national-holidays.ts';
import { addWorkingDays, isWorkingDay } from '../../../model/calendar/working-days.ts';

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay();
const exceptionsOf = (days: ReturnType<typeof nationalCalendarDays>) => ({
  holidays: new Set(days.filter((d) => d.kind === 'holiday').map((d) => d.date)),
  workdays: new Set(days.filter((d) => d.kind === 'workday').map((d) => d.date)),
});

describe('the national holidays as published', () => {
  const days = nationalCalendarDays('zh');

  it('counts the days off of each published year as the notices give them', () => {
    const offIn = (year: number) => days.filter((d) => d.kind === 'holiday' && d.date.startsWith(`${year}-`)).length;
    // 2025: 1 + 8 + 3 + 5 + 3 + 8; 2026: 3 + 9 + 3 + 5 + 3 + 3 + 7.
    expect(offIn(2025)).toBe(28);
    expect(offIn(2026)).toBe(33);
    expect(NATIONAL_HOLIDAYS.map((y) => y.year)).toEqual([2025, 2026]);
  });

  it('makes up only on weekends, and never lists a day twice', () => {
    const workdays = days.filter((d) => d.kind === 'workday');
    // 2025: 5 (January 26, February 8, April 27, September 28, October 11); 2026: 6.
    expect(workdays.length).toBe(11);
    for (const day of workdays) expect([0, 6], day.date).toContain(weekday(day.date));
    expect(new Set(days.map((d) => d.date)).size).toBe(days.length);
  });

  it('names each day in the reader’s language and says where the list came from', () => {
    expect(days.find((d) => d.date === '2026-02-17')).toEqual({ date: '2026-02-17', kind: 'holiday', name: '春节' });
    expect(days.find((d) => d.date === '2026-02-14')).toEqual({ date: '2026-02-14', kind: 'workday', name: '春节调休上班' });
    expect(nationalCalendarDays('en').find((d) => d.date === '2025-10-08')?.name).toBe('National Day and Mid-Autumn Festival');
    expect(nationalHolidaySources()).toContain('国办发明电〔2024〕12号');
  });

  it('moves a deadline past the Spring Festival, and counts its make-up Saturday', () => {
    const calendar = exceptionsOf(days);
    expect(isWorkingDay('2026-02-16', calendar)).toBe(false);
    expect(isWorkingDay('2026-02-14', calendar)).toBe(true);
    // Friday 13 February 2026, 10:00 in the district (UTC+8): one working day on is Saturday the 14th;
    // two is Tuesday the 24th, after nine days off.
    const friday = new Date('2026-02-13T02:00:00Z');
    expect(addWorkingDays(friday, 1, calendar, 480).toISOString()).toBe('2026-02-14T02:00:00.000Z');
    expect(addWorkingDays(friday, 2, calendar, 480).toISOString()).toBe('2026-02-24T02:00:00.000Z');
  });
});
