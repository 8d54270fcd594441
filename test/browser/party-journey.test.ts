import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserStackFor, capture, pickOption, signIn, signOut, zhText, zhWord } from './support/browser.ts';

// Section Four on screen: a home unit registers its member with a street's community, the street
// accepts and later moves the member (the history keeps the old community), each step a button the
// API offered, and the API's field errors beside the fields.
const stack = browserStackFor(import.meta.filename);

const memberRow = (page: Page, name: string) => page.getByRole('row', { name: new RegExp(name) }).first();

/** Fills the registration dialog: labels -> values; selects by option text. */
async function fillRegistration(page: Page, dialog: Locator, values: { number: string; name: string; community: string; on: string }) {
  await dialog.getByLabel(zhText('party.member.number')).fill(values.number);
  await dialog.getByLabel(zhText('party.member.name')).fill(values.name);
  await pickOption(page, dialog, zhText('party.member.community'), values.community);
  await dialog.getByLabel(zhText('party.member.registeredOn')).fill(values.on);
}

describe('party members on screen', () => {
  it('a home unit registers a member with a street, the street accepts, then moves the member with history', async () => {
    const page = await stack().newPage();
    await signIn(page, 'civil@ledger.test');
    await page.getByRole('link', { name: zhText('party.nav.members') }).click();
    await page.getByRole('heading', { name: zhText('party.members.title') }).waitFor();
    await page.getByRole('button', { name: zhWord('registrationStep', 'register') }).click();
    const dialog = page.getByRole('dialog');
    await fillRegistration(page, dialog, { number: 'MB-bad number', name: '张明', community: 'Riverside Community', on: '2020-02-01' });
    await dialog.getByRole('button', { name: zhText('party.save') }).click();
    // The API's message stands beside the field it names.
    await dialog
      .locator('.ant-form-item', { hasText: zhText('party.member.number') })
      .locator('.ant-form-item-explain-error')
      .waitFor();
    await dialog.getByLabel(zhText('party.member.number')).fill('MB-101');
    await dialog.getByRole('button', { name: zhText('party.save') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await memberRow(page, '张明').getByText(zhWord('registration', 'pending')).waitFor();
    // Only the street accepts: the home unit is offered no step.
    for (const step of ['accept', 'move'])
      expect(
        await memberRow(page, '张明')
          .getByRole('button', { name: zhWord('registrationStep', step) })
          .count(),
      ).toBe(0);
    await capture(page, 'party-home-unit-members');
    await signOut(page);

    await signIn(page, 'east@ledger.test');
    await page.goto('/app/party/members');
    const row = memberRow(page, '张明');
    await row.getByRole('button', { name: zhWord('registrationStep', 'accept') }).click();
    await row.getByText(zhWord('registration', 'active')).waitFor();
    await row.getByRole('button', { name: zhWord('registrationStep', 'move') }).click();
    const move = page.getByRole('dialog');
    await pickOption(page, move, zhText('party.member.newCommunity'), 'Elm Road Community');
    await move.getByLabel(zhText('party.member.movedOn')).fill('2020-01-15');
    await move.getByRole('button', { name: zhText('party.save') }).click();
    await move
      .locator('.ant-form-item', { hasText: zhText('party.member.movedOn') })
      .locator('.ant-form-item-explain-error')
      .waitFor();
    await move.getByLabel(zhText('party.member.movedOn')).fill('2020-06-01');
    await move.getByRole('button', { name: zhText('party.save') }).click();
    await move.waitFor({ state: 'hidden' });
    await row.getByText('Elm Road Community').waitFor();
    await row.getByRole('button', { name: /展开|Expand/ }).click();
    const history = page.getByRole('table', { name: zhText('party.member.history').replace('{name}', '张明') });
    await history
      .getByRole('row', { name: /Riverside Community.*2020-06-01/ })
      .getByText(zhWord('registration', 'ended'))
      .waitFor();
    await history
      .getByRole('row', { name: /Elm Road Community/ })
      .getByText(zhWord('registration', 'active'))
      .waitFor();
    await capture(page, 'party-street-members');

    const res = await stack()
      .sys.http.get('/party/members')
      .query({ q: 'MB-101' })
      .set('Authorization', await stack().sys.login('district@ledger.test'));
    expect(res.body.items[0].registrations.map((r: { status: string }) => r.status)).toEqual(['ended', 'active']);
  });

  it('the members list works at 375 px, as on a phone', async () => {
    const page = await stack().newPage(375);
    await signIn(page, 'east@ledger.test');
    await page.goto('/app/party/members');
    await page.getByRole('heading', { name: zhText('party.members.title') }).waitFor();
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await capture(page, 'party-members-375');
  });
});
