import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedId } from '../../domain/directory/seed.ts';
import { fileAs } from '../support/case-steps.ts';
import { registerAs } from '../support/party-steps.ts';
import { SCREENSHOTS, browserStackFor, capture, expectAccessible, pickOption, signIn, signOut, zhText, zhWord } from './support/browser.ts';

// Members' service records on screen: a home unit records a member's service, which the street/park the
// member is registered with confirms; each step a button the API offered, the API's field errors
// beside the fields, the form usable on a phone. Then the year-end feedback carries the record to the
// home unit, which reads and prints its document; and the service funds on a public-service project.
const stack = browserStackFor(import.meta.filename);

const recordRow = (page: Page, account: string) => page.getByRole('row', { name: new RegExp(account) }).first();

describe('service records on screen', () => {
  it('a home unit records a member’s service and the member’s street confirms it', async () => {
    const { sys } = stack();
    const civil = await sys.login('civil@ledger.test');
    const east = await sys.login('east@ledger.test');
    const member = await registerAs(sys, civil, {
      memberNumber: 'MB-301',
      name: '李华',
      homeUnitId: seedId('DEPT-CIVIL'),
      communityId: seedId('COMM-EAST-ELM'),
      registeredOn: '2020-03-01',
    });
    const accepted = await sys.http.post(`/party/registrations/${member.registrations[0]!.id}/accept`).set('Authorization', east);
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(200);

    // The home unit's clerk records on a phone.
    const phone = await stack().newPage(375);
    await signIn(phone, 'civil@ledger.test');
    await phone.goto('/app/party/records');
    await phone.getByRole('heading', { name: zhText('party.records.title') }).waitFor();
    await phone.getByRole('button', { name: zhWord('serviceRecordStep', 'record') }).click();
    const dialog = phone.getByRole('dialog');
    // The member is searched on the server by name.
    await dialog.getByRole('combobox', { name: zhText('party.record.member') }).fill('李华');
    await phone.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '李华（MB-301）' }).click();
    await pickOption(phone, dialog, zhText('party.record.kind'), zhWord('serviceKind', 'volunteer_service'));
    await dialog.getByLabel(zhText('party.record.servedOn')).fill('2999-01-01');
    await dialog.getByLabel(zhText('party.record.servedOn')).press('Tab');
    await dialog.getByLabel(zhText('party.record.hours')).fill('2.5');
    await dialog.getByLabel(zhText('party.record.account')).fill('协助社区开展垃圾分类宣传');
    await dialog.getByRole('button', { name: zhText('party.save') }).click();
    // The API refuses a day in the future: its message stands under the date.
    await dialog
      .locator('.ant-form-item', { hasText: zhText('party.record.servedOn') })
      .locator('.ant-form-item-explain-error')
      .waitFor();
    await capture(phone, 'party-record-form-375');
    await dialog.getByLabel(zhText('party.record.servedOn')).fill('2021-05-01');
    await dialog.getByLabel(zhText('party.record.servedOn')).press('Tab');
    await dialog.getByRole('button', { name: zhText('party.save') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await recordRow(phone, '协助社区开展垃圾分类宣传').getByText(zhWord('serviceRecord', 'awaiting_confirmation')).waitFor();
    // Only the member's street confirms: the home unit is offered no step.
    expect(
      await recordRow(phone, '协助社区开展垃圾分类宣传')
        .getByRole('button', { name: zhWord('serviceRecordStep', 'confirm') })
        .count(),
    ).toBe(0);
    await capture(phone, 'party-home-unit-records-375');
    await signOut(phone);

    const page = await stack().newPage();
    await signIn(page, 'east@ledger.test');
    await page.getByRole('link', { name: zhText('party.nav.records') }).click();
    const row = recordRow(page, '协助社区开展垃圾分类宣传');
    await row.getByText('Civil Affairs').waitFor();
    await capture(page, 'party-street-records');
    await row.getByRole('button', { name: zhWord('serviceRecordStep', 'confirm') }).click();
    await row.getByText(zhWord('serviceRecord', 'confirmed')).waitFor();
    await signOut(page);

    await signIn(page, 'civil@ledger.test');
    await page.goto('/app/party/records');
    await recordRow(page, '协助社区开展垃圾分类宣传').getByText(zhWord('serviceRecord', 'confirmed')).waitFor();
    const records = await sys.http.get('/party/records').query({ member: member.id }).set('Authorization', civil);
    expect(records.body).toMatchObject({ total: 1, items: [{ state: 'confirmed', hours: 2.5, servedOn: '2021-05-01' }] });
  });

  it('the administrator opens the year’s feedback and the home unit reads its document', async () => {
    const page = await stack().newPage();
    await signIn(page, 'admin@ledger.test');
    await page.goto('/app/party/feedback');
    await page.getByLabel(zhText('party.feedback.year'), { exact: true }).fill('2021');
    await page.getByRole('button', { name: zhText('party.feedback.open') }).click();
    await page
      .getByRole('status')
      .filter({ hasText: zhText('party.feedback.opened').replace('{year}', '2021') })
      .waitFor();
    // A past year is delivered at once; the list shows it within its refresh.
    await page.getByRole('row', { name: /2021/ }).getByText(zhText('party.feedback.delivered')).waitFor({ timeout: 30_000 });
    await capture(page, 'party-feedback-admin');
    await signOut(page);

    await signIn(page, 'civil@ledger.test');
    await page.getByRole('link', { name: zhText('party.nav.feedback') }).click();
    await page.getByRole('button', { name: zhText('party.feedback.yearOf').replace('{year}', '2021') }).click();
    const delivery = page.getByRole('row', { name: /District Civil Affairs Bureau/ });
    await delivery.getByRole('cell', { name: '1', exact: true }).first().waitFor();
    await capture(page, 'party-feedback-home-unit');
    await delivery.getByRole('link', { name: zhText('party.feedback.print') }).click();
    await page.getByRole('heading', { name: zhText('party.feedback.documentOf').replace('{year}', '2021') }).waitFor();
    await page.frameLocator('iframe').getByText('协助社区开展垃圾分类宣传').waitFor();
    // Not capture(): Playwright never reports "network idle" for a page holding a srcdoc frame; the
    // frame's text was awaited above, and the check and the picture are the same.
    // The print button turns from disabled to primary as the document arrives: axe must not read its
    // colours half-way through antd's transition.
    await expect.poll(() => page.getByRole('button', { name: zhText('party.feedback.printNow') }).isEnabled()).toBe(true);
    await page.waitForTimeout(400);
    await expectAccessible(page, 'party-feedback-document');
    await page.screenshot({ path: path.join(SCREENSHOTS, 'party-feedback-document.png'), fullPage: true });
    const file = page.waitForEvent('download');
    await page.getByRole('button', { name: zhText('party.commendations.xlsx') }).click();
    expect((await file).suggestedFilename()).toBe('党员双报到表现反馈-2021年.xlsx');
  });

  it('the street records service funds on a public-service project’s case page; the district reads them', async () => {
    const { sys } = stack();
    const project = await fileAs(sys, await sys.login('east@ledger.test'), { kind: 'unclaimed_project', title: '社区阅读角无人认领' });
    const page = await stack().newPage();
    await signIn(page, 'east@ledger.test');
    await page.goto(`/app/cases/${project.id}`);
    const funds = page.locator('.ant-card', { hasText: zhText('party.funds.title') });
    await funds.getByText(zhText('party.funds.none')).waitFor();
    await funds.getByRole('button', { name: zhText('party.funds.record') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(zhText('party.funds.amount')).fill('1250.5');
    await dialog.getByLabel(zhText('party.funds.purpose')).fill('购置图书和书架');
    await dialog.getByLabel(zhText('party.funds.approvedBy')).fill('榆树路社区党委');
    await dialog.getByLabel(zhText('party.funds.approvedOn')).fill('2999-01-01');
    await dialog.getByLabel(zhText('party.funds.approvedOn')).press('Tab');
    await dialog.getByRole('button', { name: zhText('party.save') }).click();
    await dialog
      .locator('.ant-form-item', { hasText: zhText('party.funds.approvedOn') })
      .locator('.ant-form-item-explain-error')
      .waitFor();
    await dialog.getByLabel(zhText('party.funds.approvedOn')).fill('2021-05-01');
    await dialog.getByLabel(zhText('party.funds.approvedOn')).press('Tab');
    await dialog.getByRole('button', { name: zhText('party.save') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await funds
      .getByRole('row', { name: /购置图书和书架/ })
      .getByText('1250.50 元')
      .waitFor();
    await funds.getByText(zhText('party.funds.total').replace('{total}', '1250.50 元')).waitFor();
    await capture(page, 'party-case-funds');
    await signOut(page);

    await signIn(page, 'district@ledger.test');
    await page.goto(`/app/cases/${project.id}`);
    await funds.getByRole('row', { name: /购置图书和书架/ }).waitFor();
    expect(await funds.getByRole('button', { name: zhText('party.funds.record') }).count()).toBe(0);
  });
});
