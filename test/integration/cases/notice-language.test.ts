import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedId } from '../../../domain/directory/seed.ts';
import { fileAs } from '../../support/case-steps.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

/** Notices in the district's language (Chinese, the default), with an HTML part and a link to the case page, through the real SMTP server. */
let sys: TestSystem;
let east: string, admin: string;

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename, { noticeLanguage: 'zh' });
  east = await sys.login('east@ledger.test');
  admin = await sys.login('admin@ledger.test');
});
afterAll(() => sys?.stop());

describe('a notice in Chinese', () => {
  it('names the unit by its new name, and carries an HTML part and a link to the case page', async () => {
    const renamed = await sys.http
      .patch(`/org-units/${seedId('ST-EAST')}`)
      .set('Authorization', admin)
      .send({ name: '东街街道办事处' });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);

    const filed = await fileAs(sys, east, { urgent: true, title: '幸福路老旧小区路灯长期不亮' });
    const mail = await sys.smtp.mailbox.waitFor((m) => m.subject.includes('幸福路老旧小区路灯长期不亮'));
    expect(mail.subject).toBe(`【紧急】第 ${filed.number} 号问题已登记：幸福路老旧小区路灯长期不亮`);
    const link = `${sys.config.notices.publicBaseUrl}/app/cases/${filed.id}`;
    expect(mail.text).toContain('东街街道办事处登记了“幸福路老旧小区路灯长期不亮”。此为紧急问题');
    expect(mail.text).toContain('类型：难点问题\n状态：区级梳理');
    expect(mail.text).toContain(`查看问题: ${link}`);
    expect(mail.html).toContain(`<a href="${link}">查看问题</a>`);
    expect(mail.html).toContain('东街街道办事处');
  });
});
