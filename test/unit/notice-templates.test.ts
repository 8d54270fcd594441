import { describe, expect, it } from 'vitest';
import { NOTICE_KINDS, renderNotice, type NoticeFacts } from '../../activities/notice-templates.ts';

const facts: NoticeFacts = {
  number: 7,
  title: 'Footbridge',
  urgent: false,
  status: 'awaiting_submission',
  filingUnitName: 'East Street Office',
  districtName: 'District OD',
  level: 'district',
  dueAt: '2026-12-01 09:00 (Asia/Shanghai)',
};

describe('renderNotice', () => {
  it('tells a regular filing that it waits for the semi-annual submission, to the unit and filer only', () => {
    const notice = renderNotice('case_filed', facts);
    expect(notice.subject).toBe('Case #7 filed: Footbridge');
    expect(notice.text).toContain('June 26 or December 26');
    expect(notice.audience).toEqual(['filing_unit', 'filer']);
  });

  it('marks urgent filings and copies the district', () => {
    const notice = renderNotice('case_filed', { ...facts, urgent: true });
    expect(notice.subject).toBe('[URGENT] Case #7 filed: Footbridge');
    expect(notice.audience).toContain('district');
  });

  it('sends results down to the district, the unit, the filer and the reporter', () => {
    const notice = renderNotice('case_resolved', { ...facts, resolution: 'Bridge repaired' });
    expect(notice.text).toContain('Bridge repaired');
    expect(notice.audience).toEqual(['district', 'filing_unit', 'filer', 'reporter']);
  });

  it('escalates an overdue case to the level above, and reminds only the responsible level', () => {
    expect(renderNotice('deadline_overdue', facts).audience).toEqual(['responsible', 'above_responsible']);
    expect(renderNotice('deadline_reminder_50', facts).subject).toContain('half of the time used');
    expect(renderNotice('deadline_reminder_75', facts).audience).toEqual(['responsible']);
  });

  it('has a subject naming the case for every kind', () => {
    for (const kind of NOTICE_KINDS) expect(renderNotice(kind, facts).subject).toContain('Case #7');
  });
});
