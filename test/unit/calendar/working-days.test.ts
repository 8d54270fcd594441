import { describe, expect, it } from 'vitest';
import {
  addWorkingDays,
  cumulativeWorkingDays,
  isWorkingDay,
  localDayNumber,
  workingDaysBefore,
  workingDaysBetween,
} from '../../../model/calendar/working-days.ts';

const none = { holidays: new Set<string>(), workdays: new Set<string>() };
const CST = 480; // UTC+8

describe('working days', () => {
  it('skips weekends', () => {
    // Friday 2026-11-27 10:00 in China is 02:00 UTC.
    const friday = new Date('2026-11-27T02:00:00Z');
    expect(addWorkingDays(friday, 1, none, CST).toISOString()).toBe('2026-11-30T02:00:00.000Z');
    expect(addWorkingDays(friday, 5, none, CST).toISOString()).toBe('2026-12-04T02:00:00.000Z');
    expect(addWorkingDays(friday, 0, none, CST)).toEqual(friday);
  });

  it('uses the district’s local date, not UTC’s', () => {
    // Friday 23:30 UTC is already Saturday 07:30 in China: the next working day is Monday.
    const lateFriday = new Date('2026-11-27T23:30:00Z');
    expect(addWorkingDays(lateFriday, 1, none, CST).toISOString()).toBe('2026-11-29T23:30:00.000Z');
  });

  it('skips public holidays and counts make-up working days', () => {
    const calendar = { holidays: new Set(['2026-09-30', '2026-10-01', '2026-10-02']), workdays: new Set(['2026-10-10']) };
    expect(isWorkingDay('2026-10-01', calendar)).toBe(false);
    expect(isWorkingDay('2026-10-10', calendar)).toBe(true);
    expect(isWorkingDay('2026-10-11', calendar)).toBe(false);
    // Tuesday 2026-09-29: next working days are Mon 10-05 ... Fri 10-09, then Saturday 10-10 (make-up).
    const tuesday = new Date('2026-09-29T01:00:00Z');
    expect(addWorkingDays(tuesday, 1, calendar, CST).toISOString()).toBe('2026-10-05T01:00:00.000Z');
    expect(addWorkingDays(tuesday, 6, calendar, CST).toISOString()).toBe('2026-10-10T01:00:00.000Z');
  });

  it('counts working days between two moments', () => {
    expect(workingDaysBetween(new Date('2026-11-27T02:00:00Z'), new Date('2026-12-04T02:00:00Z'), none, CST)).toBe(5);
    expect(workingDaysBetween(new Date('2026-11-28T02:00:00Z'), new Date('2026-11-29T02:00:00Z'), none, CST)).toBe(0);
  });

  it('places cycle reminders at 09:00 district time, counting back from the deadline’s district date', () => {
    // The H1 deadline of 2027 falls on Saturday June 26 (00:00 district time = 16:00 UTC on the 25th):
    // one working day before is Friday the 25th, three is Wednesday the 23rd, seven Friday the 18th.
    const saturdayDeadline = new Date('2027-06-25T16:00:00Z');
    expect(workingDaysBefore(saturdayDeadline, 1, none, CST)).toEqual(new Date('2027-06-25T01:00:00Z'));
    expect(workingDaysBefore(saturdayDeadline, 3, none, CST)).toEqual(new Date('2027-06-23T01:00:00Z'));
    expect(workingDaysBefore(saturdayDeadline, 7, none, CST)).toEqual(new Date('2027-06-17T01:00:00Z'));
    // A make-up working day on the Sunday before counts; a holiday on the Friday does not.
    const calendar = { holidays: new Set(['2027-06-25']), workdays: new Set(['2027-06-20']) };
    expect(workingDaysBefore(saturdayDeadline, 1, calendar, CST)).toEqual(new Date('2027-06-24T01:00:00Z'));
    expect(workingDaysBefore(saturdayDeadline, 5, calendar, CST)).toEqual(new Date('2027-06-20T01:00:00Z'));
  });

  it('refuses nonsense', () => {
    const monday = new Date('2027-03-08T01:00:00Z');
    expect(() => addWorkingDays(monday, -1, none, CST)).toThrow(RangeError);
    expect(() => addWorkingDays(monday, 1.5, none, CST)).toThrow(RangeError);
  });

  it('counts many spans at once by cumulative counts, as workingDaysBetween counts each', () => {
    const calendar = { holidays: new Set(['2026-10-01', '2026-10-02']), workdays: new Set(['2026-10-10']) };
    const first = new Date('2026-09-20T17:00:00Z');
    const { firstDay, counts } = cumulativeWorkingDays(first, new Date('2026-12-31T00:00:00Z'), calendar, CST);
    const at = (d: Date) => counts[localDayNumber(d, CST) - firstDay] ?? NaN;
    for (let i = 0; i < 200; i += 1) {
      const from = new Date(first.getTime() + ((i * 7919) % 90) * 3_600_000 * 13);
      const to = new Date(from.getTime() + ((i * 104729) % 60) * 3_600_000 * 11);
      expect(at(to) - at(from)).toBe(workingDaysBetween(from, to, calendar, CST));
    }
  });
});
