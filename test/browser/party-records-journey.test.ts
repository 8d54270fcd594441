import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedId } from '../../domain/directory/seed.ts';
import { registerAs } from '../support/party-steps.ts';
import { browserStackFor, capture, pickOption, signIn, signOut, zhText, zhWord } from './support/browser.ts';

// Members' service records on screen: a home unit records a member's service, which the street/park the
// member is registered with confirms; each step a button the API offered, the API's field errors
// beside the fields, the form usable on a phone.
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

});
