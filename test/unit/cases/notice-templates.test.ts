import { describe, expect, it } from 'vitest';
import { renderNotice, type NoticeFacts } from '../../../activities/cases/notice-templates.ts';
import { NOTICE_KINDS } from '../../../model/cases/lifecycle.ts';

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
  it('announces an urgent filing to the unit, the filer and the district', () => {
    const notice = renderNotice('case_filed', { ...facts, urgent: true });
    expect(notice.subject).toBe('[URGENT] Case #7 filed: Footbridge');
    expect(notice.text).toContain('went straight to District OD');
    expect(notice.audience).toEqual(['filing_unit', 'filer', 'district']);
  });

  it('asks the unit to submit a regular case before the semi-annual deadline when submitted', () => {
    expect(renderNotice('case_submitted', facts)).toMatchObject({
      subject: 'Case #7 submitted to District OD: Footbridge',
      audience: ['district', 'filing_unit'],
    });
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
