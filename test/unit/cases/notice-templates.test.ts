import { describe, expect, it } from 'vitest';
import { renderNotice, type NoticeFacts } from '../../../activities/cases/notice-templates.ts';
import { NOTICE_KINDS } from '../../../model/cases/lifecycle.ts';

const facts: NoticeFacts = {
  number: 7,
  title: 'Footbridge',
  urgent: false,
  kind: 'hard_problem',
  status: 'district_review',
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

  it('names the case’s kind, status and level in the glossary’s words, as Annex 3 and the web app do', () => {
    for (const kind of NOTICE_KINDS) {
      expect(renderNotice(kind, facts).text).toMatch(
        /\n\nKind \/ 类型: Hard problem \/ 难点问题\nStatus \/ 状态: District review \/ 区级梳理$/,
      );
    }
    const unclaimed = renderNotice('case_forwarded', { ...facts, kind: 'unclaimed_project', status: 'municipal_coordination' });
    expect(unclaimed.text).toContain(
      'Kind / 类型: Unclaimed public-service project / 无人认领的公益项目\nStatus / 状态: Municipal coordination / 市级协调',
    );
    expect(renderNotice('deadline_overdue', { ...facts, level: 'municipal' }).subject).toBe(
      'Case #7 OVERDUE at the city level (市级): Footbridge',
    );
    expect(renderNotice('case_reopened', facts).text).toContain('It is back at the district level (区级).');
  });
});
