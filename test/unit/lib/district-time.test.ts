import { describe, expect, it } from 'vitest';
import type { Clock } from '../../../lib/clock.ts';
import {
  districtDateOf,
  districtDayEnd,
  districtDayStart,
  districtMoment,
  districtToday,
  fixedUtcOffsetOf,
  formatDistrictTime,
} from '../../../lib/district-time.ts';
import { halfYearOf, halfYearWindow } from '../../../lib/half-years.ts';

const CST = 480; // UTC+8
const pinned = (iso: string): Clock => ({ now: () => new Date(iso) });

describe('the district zone', () => {
  it('gives the one UTC offset of a zone without daylight saving time', () => {
    expect(fixedUtcOffsetOf('Asia/Shanghai')).toBe(480);
    expect(fixedUtcOffsetOf('Asia/Kolkata')).toBe(330);
    expect(fixedUtcOffsetOf('UTC')).toBe(0);
    expect(fixedUtcOffsetOf('America/Bogota')).toBe(-300);
  });

  it('refuses a zone whose offset changes, or no zone at all', () => {
    expect(() => fixedUtcOffsetOf('Europe/Berlin')).toThrow(/Europe\/Berlin changes its UTC offset \(UTC\+1, UTC\+2/);
    // No daylight saving time today, but another standard offset in 2011-2014: dates of those years would move.
    expect(() => fixedUtcOffsetOf('Europe/Moscow')).toThrow(/changes its UTC offset/);
    expect(() => fixedUtcOffsetOf('Mars/Olympus')).toThrow(/not an IANA time zone/);
  });
});

describe('today in the district', () => {
  it('is already tomorrow’s date from 16:00 UTC', () => {
    expect(districtToday(pinned('2027-03-10T15:59:59.999Z'), CST)).toBe('2027-03-10');
    expect(districtToday(pinned('2027-03-10T16:00:00Z'), CST)).toBe('2027-03-11');
    expect(districtToday(pinned('2027-03-10T16:05:00Z'), CST)).toBe('2027-03-11');
    // 23:30 UTC on a Friday is Saturday morning in the district.
    expect(districtToday(pinned('2027-03-05T23:30:00Z'), CST)).toBe('2027-03-06');
  });

  it('turns the year at 16:00 UTC on December 31', () => {
    expect(districtToday(pinned('2027-12-31T15:59:00Z'), CST)).toBe('2027-12-31');
    expect(districtToday(pinned('2027-12-31T16:00:00Z'), CST)).toBe('2028-01-01');
  });

  it('follows the configured offset, west of UTC too', () => {
    expect(districtDateOf(new Date('2027-03-10T03:00:00Z'), -300)).toBe('2027-03-09');
    expect(districtDateOf(new Date('2027-03-10T03:00:00Z'), 0)).toBe('2027-03-10');
  });
});

describe('a district day', () => {
  it('runs from 00:00 to 24:00 district time, that is 16:00 to 16:00 UTC', () => {
    expect(districtDayStart('2027-03-11', CST)).toEqual(new Date('2027-03-10T16:00:00Z'));
    expect(districtDayEnd('2027-03-11', CST)).toEqual(new Date('2027-03-11T16:00:00Z'));
    expect(districtDateOf(districtDayStart('2027-03-11', CST), CST)).toBe('2027-03-11');
    expect(districtDateOf(new Date(districtDayEnd('2027-03-11', CST).getTime() - 1), CST)).toBe('2027-03-11');
  });
});

describe('a district moment', () => {
  it('is an hour of a district day, 24 being its end', () => {
    expect(districtMoment('2027-03-11', 9, CST)).toEqual(new Date('2027-03-11T01:00:00Z'));
    expect(districtMoment('2027-03-11', 24, CST)).toEqual(districtDayEnd('2027-03-11', CST));
    expect(districtMoment('2027-03-11', 0, CST)).toEqual(districtDayStart('2027-03-11', CST));
  });

  it('reads as the district reads it, with the zone named', () => {
    const time = { zone: 'Asia/Shanghai', utcOffsetMinutes: CST };
    expect(formatDistrictTime(new Date('2027-03-10T16:05:00Z'), time)).toBe('2027-03-11 00:05 (Asia/Shanghai)');
    // The same as the runtime's own zone data says, for a zone the offset was derived from.
    const intl = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' });
    const moment = new Date('2027-12-31T17:42:00Z');
    expect(formatDistrictTime(moment, time)).toBe(`${intl.format(moment)} (Asia/Shanghai)`);
  });
});

describe('half-year windows at their edges', () => {
  it('starts H2 at 00:00 district time on June 26, even when that is a Saturday', () => {
    // 2027-06-26 is a Saturday: the H1 ledger is due before it, whatever the weekday.
    expect(halfYearWindow('2027-H1', CST).to).toEqual(new Date('2027-06-25T16:00:00Z'));
    expect(halfYearOf(new Date('2027-06-25T15:59:59Z'), CST)).toBe('2027-H1');
    expect(halfYearOf(new Date('2027-06-25T16:00:00Z'), CST)).toBe('2027-H2');
  });

  it('puts December 31 23:59 in the district in the next year’s H1', () => {
    expect(halfYearOf(new Date('2027-12-31T15:59:00Z'), CST)).toBe('2028-H1');
    expect(halfYearWindow('2028-H1', CST)).toEqual({ from: new Date('2027-12-25T16:00:00Z'), to: new Date('2028-06-25T16:00:00Z') });
  });
});
