import { describe, expect, it } from 'vitest';
import { halfYearOf, halfYearWindow as cycleRange } from '../../../lib/half-years.ts';
import { placeKey } from '../../../domain/statistics/statistics.ts';
import { csvField } from '../../../lib/tabular-writers.ts';

describe('Annex 3 helpers', () => {
  it('quotes CSV fields only when needed, doubling quotes', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField(42)).toBe('42');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('turns would-be formulas into text', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('+86 123')).toBe("'+86 123");
    expect(csvField('-5')).toBe("'-5");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });

  it('maps a half-year to the submission window, in the district’s time zone', () => {
    expect(cycleRange('2026-H1', 480)).toEqual({ from: new Date('2025-12-25T16:00:00Z'), to: new Date('2026-06-25T16:00:00Z') });
    expect(cycleRange('2026-H2', 480)).toEqual({ from: new Date('2026-06-25T16:00:00Z'), to: new Date('2026-12-25T16:00:00Z') });
    expect(() => cycleRange('2026-H3', 480)).toThrow(RangeError);
  });
});

describe('half-year of a moment', () => {
  it('counts from December 26 toward the next year', () => {
    expect(halfYearOf(new Date('2026-06-25T15:59:00Z'), 480)).toBe('2026-H1');
    expect(halfYearOf(new Date('2026-06-25T16:00:00Z'), 480)).toBe('2026-H2');
    expect(halfYearOf(new Date('2026-12-25T16:00:00Z'), 480)).toBe('2027-H1');
    // A district that sets its own deadlines moves the windows with them.
    const own = { h1: '06-30', h2: '12-31' };
    expect(halfYearOf(new Date('2026-06-27T00:00:00Z'), 480, own)).toBe('2026-H1');
    expect(cycleRange('2026-H2', 480, own)).toEqual({ from: new Date('2026-06-29T16:00:00Z'), to: new Date('2026-12-30T16:00:00Z') });
    expect(placeKey('Elm Road 1-40')).toBe(placeKey('elm road, 10-80'));
  });
});

describe('XLSX cell references', () => {
  it('names columns as spreadsheets do', async () => {
    const { columnName } = await import('../../../lib/tabular-writers.ts');
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(['A', 'B', 'Z', 'AA', 'AB', 'AZ', 'BA', 'ZZ', 'AAA']);
  });
});

describe('next half-year', () => {
  it('rolls H1 to H2 and H2 to the next year’s H1', async () => {
    const { nextHalfYear } = await import('../../../lib/half-years.ts');
    expect(nextHalfYear('2026-H1')).toBe('2026-H2');
    expect(nextHalfYear('2026-H2')).toBe('2027-H1');
    expect(() => nextHalfYear('2026')).toThrow(RangeError);
  });
});
