import { describe, expect, it } from 'vitest';
import { fileAs, stepOk } from '../support/case-steps.ts';
import { browserStackFor, capture, signIn, zhText, zhWord } from './support/browser.ts';

const stack = browserStackFor(import.meta.filename);
const PROGRESS = { timeout: 30_000, interval: 250 };

describe('a district officer forwards several cases at once', () => {
  it('selects cases in the triage list, forwards them with one summary, and sees which one was refused and why', async () => {
    const { sys } = stack();
    const east = await sys.login('east@ledger.test');
    const district = await sys.login('district@ledger.test');
    const titles = ['批量：桥下积水', '批量：路牌倒伏', '批量：栏杆松动'];
    const cases = [];
    for (const title of titles) cases.push(await fileAs(sys, east, { title, urgent: true }));

    const page = await stack().newPage();
    await signIn(page, 'district@ledger.test');
    await page
      .getByRole('navigation', { name: zhText('nav.label') })
      .getByRole('link', { name: zhText('nav.triage') })
      .click();
    for (const filed of cases) await page.getByRole('checkbox', { name: `${zhText('bulk.selectRow')} #${filed.number}` }).check();
    const bar = page.getByRole('region', { name: zhText('bulk.menu') });
    await bar.getByText(zhText('bulk.selected').replace('{count}', '3')).waitFor();

    // The menu offers only bulk steps the selected cases allow: forward, not submit (a clerk's step).
    await bar.getByRole('button', { name: zhText('bulk.menu') }).hover();
    await page.getByRole('menuitem', { name: zhWord('step', 'forward') }).waitFor();
    expect(await page.getByRole('menuitem', { name: zhWord('step', 'submit') }).count()).toBe(0);
    await page.getByRole('menuitem', { name: zhWord('step', 'forward') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(zhText('step.summary')).fill('路政设施归市政管理，请市里协调。');
    await capture(page, 'bulk-forward-dialog');

    // Meanwhile a colleague rejects one of them: that case refuses the forward, the others take it.
    await stepOk(sys, district, cases[2]!.id, 'reject', { reason: '不属于公共服务问题' });
    await dialog.getByRole('button', { name: zhText('bulk.start') }).click();
    await page.waitForURL(/\/app\/bulk-steps\/[0-9a-f]{32}$/);
    await expect.poll(() => page.getByRole('status').textContent(), PROGRESS).toBe(zhText('bulk.finished'));
    const refusedRow = page.getByRole('row', { name: new RegExp(`#${cases[2]!.number} ${titles[2]}`) });
    await refusedRow.waitFor();
    // The reason in Chinese, as the API words it for the case's state.
    expect(await refusedRow.textContent()).toMatch(/[\u4e00-\u9fff]{4,}/);
    expect(await page.getByRole('row').count()).toBe(2);
    await capture(page, 'bulk-forward-result');

    for (const filed of cases.slice(0, 2)) {
      const view = await sys.http.get(`/cases/${filed.id}`).set('Authorization', district);
      expect(view.body.status).toBe('municipal_coordination');
    }
  });
});
