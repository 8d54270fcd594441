import { describe, expect, it } from 'vitest';
import { renderNotice, type NoticeFacts } from '../../../activities/cases/notice-templates.ts';
import { NOTICE_KINDS, type NoticeKind } from '../../../model/cases/lifecycle.ts';

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
  caseUrl: 'https://ledger.example.test/app/cases/c-7',
};
const inEnglish = (kind: NoticeKind, f: NoticeFacts = facts) => renderNotice(kind, f, 'en');

describe('renderNotice', () => {
  it('announces an urgent filing to the unit, the filer and the district', () => {
    const notice = inEnglish('case_filed', { ...facts, urgent: true });
    expect(notice.subject).toBe('[URGENT] Case #7 filed: Footbridge');
    expect(notice.text).toContain('went straight to District OD');
    expect(notice.audience).toEqual(['filing_unit', 'filer', 'district']);
  });

  it('asks the unit to submit a regular case before the semi-annual deadline when submitted', () => {
    expect(inEnglish('case_submitted', facts)).toMatchObject({
      subject: 'Case #7 submitted to District OD: Footbridge',
      audience: ['district', 'filing_unit'],
    });
  });

  it('sends results down to the district, the unit, the filer and the reporter', () => {
    const notice = inEnglish('case_resolved', { ...facts, resolution: 'Bridge repaired' });
    expect(notice.text).toContain('Bridge repaired');
    expect(notice.audience).toEqual(['district', 'filing_unit', 'filer', 'reporter']);
  });

  it('escalates an overdue case to the level above, and reminds only the responsible level', () => {
    expect(inEnglish('deadline_overdue', facts).audience).toEqual(['responsible', 'above_responsible']);
    expect(inEnglish('deadline_reminder_50', facts).subject).toContain('half of the time used');
    expect(inEnglish('deadline_reminder_75', facts).audience).toEqual(['responsible']);
  });

  it('has a subject naming the case for every kind', () => {
    for (const kind of NOTICE_KINDS) expect(inEnglish(kind, facts).subject).toContain('Case #7');
  });

  it('names the case’s kind, status and level in the glossary’s words, as Annex 3 and the web app do', () => {
    for (const kind of NOTICE_KINDS) {
      expect(inEnglish(kind).text).toContain(
        '\n\nKind: Hard problem\nStatus: District review\n\nOpen the case: https://ledger.example.test/app/cases/c-7',
      );
      expect(renderNotice(kind, facts, 'zh').text).toContain(
        '\n\n类型：难点问题\n状态：区级梳理\n\n查看问题: https://ledger.example.test/app/cases/c-7',
      );
    }
    const unclaimed = inEnglish('case_forwarded', { ...facts, kind: 'unclaimed_project', status: 'municipal_coordination' });
    expect(unclaimed.text).toContain('Kind: Unclaimed public-service project\nStatus: Municipal coordination');
    expect(inEnglish('deadline_overdue', { ...facts, level: 'municipal' }).subject).toBe('Case #7 OVERDUE at the city level: Footbridge');
    expect(renderNotice('deadline_overdue', { ...facts, level: 'municipal' }, 'zh').subject).toBe('第 7 号问题已超期（市级）：Footbridge');
    expect(inEnglish('case_reopened').text).toContain('It is back at the district level.');
  });

  it('speaks Chinese with no English word but the names it quotes, in an HTML part beside the text', () => {
    const chinese = { ...facts, title: '幸福路路灯不亮', filingUnitName: '东街街道办事处', districtName: '区委组织部' };
    for (const kind of NOTICE_KINDS) {
      const notice = renderNotice(kind, { ...chinese, reason: '缺少照片', resolution: '已修复' }, 'zh');
      expect(notice.subject).toMatch(/^第 7 号问题/);
      const prose = notice.text.replace(chinese.caseUrl, '').replace(chinese.dueAt ?? '', '');
      expect(prose, kind).not.toMatch(/[A-Za-z]/);
      expect(notice.html).toContain('<a href="https://ledger.example.test/app/cases/c-7">查看问题</a>');
      expect(notice.html).toContain('<html lang="zh-CN">');
    }
    expect(renderNotice('case_filed', { ...chinese, urgent: true }, 'zh').subject).toBe('【紧急】第 7 号问题已登记：幸福路路灯不亮');
  });

  it('escapes what people wrote in the HTML part', () => {
    const html = inEnglish('case_rejected', { ...facts, reason: '<script>alert("x")</script> & more' }).html;
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more');
    expect(html).not.toContain('<script>');
  });
});
