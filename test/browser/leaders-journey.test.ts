import { describe, expect, it } from 'vitest';
import { fileAs } from '../support/case-steps.ts';
import { PNG_BYTES } from '../support/fixtures.ts';
import { browserStackFor, capture, pickOption, signIn, zhText, zhWord } from './support/browser.ts';

// The API's "today" is pinned: 2099-03-02, 10:00 in the district; the journeys run in Chinese.
const stack = browserStackFor(import.meta.filename, () => ({ clock: { now: () => new Date('2099-03-02T02:00:00Z') } }));

describe('the four leads, through the UI', () => {
  it('a unit’s clerk adds a leader and records an activity on a phone; the street confirms it and it counts', async () => {
    const clerk = await stack().newPage(375);
    await signIn(clerk, 'civil@ledger.test');
    await clerk.goto('/app/leaders');
    await clerk.getByRole('button', { name: zhText('leaders.add') }).click();
    const dialog = clerk.getByRole('dialog');
    // The API's field errors show beside the fields: nothing filled in yet.
    await dialog.getByRole('button', { name: zhText('leaders.save') }).click();
    await dialog.locator('.ant-form-item-explain-error').first().waitFor();
    await dialog.getByLabel(zhText('leaders.name')).fill('张敏');
    await dialog.getByLabel(zhText('leaders.post')).fill('局长');
    await pickOption(clerk, dialog, zhText('leaders.rank'), zhWord('leaderRank', 'principal'));
    await pickOption(clerk, dialog, zhText('leaders.reportsTo'), 'East Street Office');
    await dialog.getByRole('button', { name: zhText('leaders.save') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await clerk.getByRole('link', { name: '张敏' }).waitFor();
    await capture(clerk, 'leaders-list-375');

    await clerk.getByRole('link', { name: '张敏' }).click();
    await clerk.getByRole('heading', { level: 1, name: /张敏/ }).waitFor();
    const form = clerk.locator('form#record-activity');
    await pickOption(clerk, form, zhText('leaders.activity.kind'), zhWord('quotaItem', 'research_visit'));
    await form.getByLabel(zhText('leaders.activity.occurredOn')).fill('2099-03-01');
    await form.getByLabel(zhText('leaders.activity.occurredOn')).press('Tab');
    await form.getByLabel(zhText('leaders.activity.participants')).fill('东街道社区工作者 8 人');
    await form.getByLabel(zhText('leaders.activity.account')).fill('走访东街道，了解老旧小区加装电梯进展。');
    await clerk.getByTestId('photo-input').setInputFiles({ name: 'visit.png', mimeType: 'image/png', buffer: PNG_BYTES });
    await form.getByRole('button', { name: zhWord('activityAction', 'record') }).click();
    await clerk.getByText(zhText('leaders.activity.recorded')).waitFor();
    await clerk.getByRole('button', { name: 'visit.png' }).waitFor();
    await clerk.getByText(zhWord('activityState', 'pending'), { exact: true }).waitFor();
    // Nothing counts yet: the visit is on its way.
    expect(await clerk.getByRole('row', { name: new RegExp(zhWord('quotaItem', 'research_visit')) }).innerText()).toMatch(/2\s+0\s+2\s+1/);
    await capture(clerk, 'leader-record-activity-375');

    const street = await stack().newPage(375);
    await signIn(street, 'east@ledger.test');
    await street.goto('/app/leader-inbox');
    await street.getByText('走访东街道，了解老旧小区加装电梯进展。').waitFor();
    await capture(street, 'leader-inbox-375');
    await street.getByRole('button', { name: new RegExp(`^${zhWord('activityAction', 'confirm')}`) }).click();
    await street.getByText(zhText('leaders.inbox.empty')).waitFor();

    await clerk.reload();
    await expect
      .poll(async () => clerk.getByRole('row', { name: new RegExp(zhWord('quotaItem', 'research_visit')) }).innerText())
      .toMatch(/2\s+1\s+1\s+0\s+2099-03-01/);
    await clerk.getByText(zhWord('activityState', 'confirmed'), { exact: true }).waitFor();
  });

  it('shows the principals’ standing per item as a chart beside the list, said in words, to the unit and the district', async () => {
    const said = (key: Parameters<typeof zhText>[0], params: Record<string, string | number>) =>
      zhText(key).replace(/\{(\w+)\}/g, (_, name: string) => String(params[name]));
    const summary = said('leaders.chart.summary', { year: 2099, principals: 1, behind: 1 });
    const visits = said('leaders.chart.item', { item: zhWord('quotaItem', 'research_visit'), required: 2, done: 1, missing: 1 });
    for (const [email, shot] of [
      ['civil@ledger.test', 'leaders-standing-chart'],
      ['district@ledger.test', 'leaders-district'],
    ] as const) {
      const page = await stack().newPage();
      await signIn(page, email);
      await page.getByRole('link', { name: zhText('leaders.nav.list') }).click();
      const chart = page.getByRole('img', { name: new RegExp(zhText('leaders.chart.title').replace('{year}', '2099')) });
      await expect.poll(async () => chart.getAttribute('aria-label')).toContain(summary);
      expect(await chart.getAttribute('aria-label')).toContain(visits);
      await page.getByTestId('standing-summary').getByText(summary).waitFor();
      await page.getByRole('row', { name: /张敏/ }).first().waitFor();
      await capture(page, shot);
    }
  });

  it('claims a public-service project for a leader, and previews Appendix 1 and 2', async () => {
    const east = await stack().sys.login('east@ledger.test');
    await fileAs(stack().sys, east, { kind: 'unclaimed_project', title: '老旧小区加装电梯' });
    const clerk = await stack().newPage();
    await signIn(clerk, 'civil@ledger.test');
    await clerk.goto('/app/projects');
    await clerk.getByRole('button', { name: `${zhWord('step', 'claim')}: 老旧小区加装电梯` }).click();
    const dialog = clerk.getByRole('dialog');
    await pickOption(clerk, dialog, zhText('leaders.projects.leader'), '张敏');
    await dialog.getByRole('button', { name: zhText('step.confirm') }).click();
    await dialog.waitFor({ state: 'hidden' });
    const claimed = clerk.locator('.ant-card', { hasText: zhText('leaders.projects.claimed') });
    await claimed.getByText('老旧小区加装电梯').waitFor();
    await claimed.getByText(zhText('leaders.projects.inProgress')).waitFor();
    await capture(clerk, 'leader-projects');
    const civil = await stack().sys.login('civil@ledger.test');
    expect((await stack().sys.http.get('/leaders').set('Authorization', civil)).body.items[0].waiting.public_service_project).toBe(1);

    await clerk.goto('/app/appendices');
    await clerk.getByRole('cell', { name: '张敏' }).waitFor();
    await clerk.getByText(zhText('leaders.appendix.notOpen')).waitFor();
    await capture(clerk, 'leader-appendix-1');
    await clerk.getByRole('tab', { name: zhText('leaders.appendix.two') }).click();
    await clerk.getByRole('cell', { name: zhWord('unitKind', 'district_department') }).waitFor();
    const download = clerk.waitForEvent('download');
    await clerk
      .getByRole('tabpanel')
      .getByRole('button', { name: zhText('leaders.appendix.downloadCsv') })
      .click();
    expect((await download).suggestedFilename()).toBe('附件2-双报到情况统计表-2099年.csv');
  });
});
