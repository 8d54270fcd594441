import { describe, expect, it } from 'vitest';
import { annex3FileName, annex3SheetName } from '../../../domain/exports/annex3-export.ts';
import { TABLE_CONTENT_TYPES } from '../../../lib/tabular-writers.ts';
import { districtDateOf as districtDate } from '../../../lib/district-time.ts';

describe('Annex 3 files', () => {
  it('are named after the district’s date they were written on, which is ahead of UTC in the evening', () => {
    const evening = new Date('2026-11-27T16:05:00Z'); // a Friday, 00:05 on Saturday in the district
    expect(districtDate(evening, 480)).toBe('2026-11-28');
    expect(annex3FileName({ format: 'csv', lang: 'en', filter: {} }, evening, 480)).toBe('linkage-ledger-2026-11-28.csv');
    expect(annex3FileName({ format: 'xlsx', lang: 'en', filter: {} }, new Date('2026-12-31T15:59:00Z'), 480)).toBe(
      'linkage-ledger-2026-12-31.xlsx',
    );
    expect(annex3FileName({ format: 'xlsx', lang: 'en', filter: {} }, new Date('2026-12-31T16:00:00Z'), 480)).toBe(
      'linkage-ledger-2027-01-01.xlsx',
    );
  });

  it('are named after the half-year they cover when one was asked for', () => {
    expect(annex3FileName({ format: 'xlsx', lang: 'zh', filter: { cycle: '2026-H2' } }, new Date('2027-03-01T00:00:00Z'), 480)).toBe(
      '联动解决公益项目台账-2026年下半年.xlsx',
    );
    expect(annex3FileName({ format: 'csv', lang: 'zh', filter: {} }, new Date('2026-12-31T16:00:00Z'), 480)).toBe(
      '联动解决公益项目台账-2027-01-01.csv',
    );
    expect(annex3FileName({ format: 'xlsx', lang: 'en', filter: { cycle: '2026-H2' } }, new Date('2027-03-01T00:00:00Z'), 480)).toBe(
      'linkage-ledger-2026-H2.xlsx',
    );
  });

  it('have one sheet name and one content type per language and format', () => {
    expect(annex3SheetName('zh')).toBe('联动解决公益项目台账');
    expect(annex3SheetName('en')).toBe('Linkage ledger');
    expect(TABLE_CONTENT_TYPES).toEqual({
      csv: 'text/csv; charset=utf-8',
      xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    });
  });
});
