import { describe, expect, it } from 'vitest';
import { halfYearParts, readCalendarDate, recentHalfYears, readDate, readDateTime, readDeadline } from '../../../web/src/date-words.ts';
import { HALF_YEAR_WORDS } from '../../../model/cycle/glossary.ts';

// The web app's reading of dates (web/src/date-words.ts): the district's zone decides the day, the
// reader's language the words. 16:30 UTC on 7 December is 00:30 on the 8th in Shanghai.
const ZONE = 'Asia/Shanghai';
const LATE_UTC = '2026-12-07T16:30:00Z';

describe('dates as a person in the district reads them', () => {
  it('names the district’s day, not UTC’s, the Chinese or the English way', () => {
    expect(readDate(LATE_UTC, ZONE, 'zh')).toBe('2026年12月8日');
    expect(readDate(LATE_UTC, ZONE, 'en')).toBe('8 Dec 2026');
    expect(readDateTime(LATE_UTC, ZONE, 'zh')).toBe('2026年12月8日 00:30');
    expect(readDateTime(LATE_UTC, ZONE, 'en')).toBe('8 Dec 2026, 00:30');
  });

  it('reads a date a person gave as written, whatever the zone', () => {
    expect(readCalendarDate('2026-01-01', 'zh')).toBe('2026年1月1日');
    expect(readCalendarDate('2026-12-31', 'en')).toBe('31 Dec 2026');
  });

  it('names a deadline at the district’s midnight by the day it comes before, without this year', () => {
    // 26 December 00:00 in the district is 16:00 UTC on the 25th.
    expect(readDeadline('2026-12-25T16:00:00Z', ZONE, 'zh', LATE_UTC)).toEqual({ day: '12月26日' });
    expect(readDeadline('2026-12-25T16:00:00Z', ZONE, 'en', LATE_UTC)).toEqual({ day: '26 Dec' });
  });

  it('keeps the clock of a deadline inside a day, and the year of one in another year', () => {
    expect(readDeadline('2027-01-05T09:00:00Z', ZONE, 'zh', LATE_UTC)).toEqual({ day: '2027年1月5日', clock: '17:00' });
    // Late on 31 December UTC is already the new year in the district: that year is "this year".
    expect(readDeadline('2027-01-05T09:00:00Z', ZONE, 'en', '2026-12-31T16:30:00Z')).toEqual({ day: '5 Jan', clock: '17:00' });
  });

  it('splits a half-year code into the year and the glossary’s half', () => {
    expect(halfYearParts('2026-H2')).toEqual({ year: '2026', half: 'H2' });
    expect(HALF_YEAR_WORDS[halfYearParts('2026-H2')!.half].zh).toBe('下半年');
    expect(halfYearParts('2026-H3')).toBeUndefined();
    expect(halfYearParts('2026H1')).toBeUndefined();
  });

  it('lists the half-years to pick from, newest first, across the turn of the year', () => {
    expect(recentHalfYears('2026-H1', 4)).toEqual(['2026-H1', '2025-H2', '2025-H1', '2024-H2']);
    expect(recentHalfYears('2026-H2', 1)).toEqual(['2026-H2']);
    expect(recentHalfYears(undefined, 4)).toEqual([]);
    expect(recentHalfYears('next year', 4)).toEqual([]);
  });
});
