import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedId } from '../../domain/directory/seed.ts';
import { registerAs } from '../support/party-steps.ts';
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
  await dialog.getByLabel(zhText('party.member.registeredOn')).press('Tab');
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
    await move.getByLabel(zhText('party.member.movedOn')).press('Tab');
    await move.getByRole('button', { name: zhText('party.save') }).click();
    await move
      .locator('.ant-form-item', { hasText: zhText('party.member.movedOn') })
      .locator('.ant-form-item-explain-error')
      .waitFor();
    await move.getByLabel(zhText('party.member.movedOn')).fill('2020-06-01');
    await move.getByLabel(zhText('party.member.movedOn')).press('Tab');
    await move.getByRole('button', { name: zhText('party.save') }).click();
    await move.waitFor({ state: 'hidden' });
    await row.getByText('Elm Road Community').waitFor();
    await row.getByRole('button', { name: /展开|Expand/ }).click();
    const history = page.getByRole('table', { name: zhText('party.member.history').replace('{name}', '张明') });
    await history
      .getByRole('row', { name: /Riverside Community.*2020年6月1日/ })
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

  it('the street works through its round on one board, sees over-quota before submitting, and the district approves', async () => {
    const { sys } = stack();
    const east = await sys.login('east@ledger.test');
    const EAST = seedId('ST-EAST');
    const YEAR = 2101;
    for (const n of [1, 2, 3])
      await registerAs(sys, east, {
        memberNumber: `MB-20${n}`,
        name: `推荐党员${n}`,
        homeUnitId: EAST,
        communityId: seedId('COMM-EAST-ELM'),
        registeredOn: '2020-03-01',
      });
    const page = await stack().newPage();
    await signIn(page, 'east@ledger.test');
    await page.getByRole('link', { name: zhText('party.nav.round') }).click();
    await page.goto(`/app/party/round?year=${YEAR}`);
    await page.getByRole('button', { name: zhText('party.round.open') }).click();
    // "推荐" is also part of the opening button's name: only the board's own step, once it shows.
    const board = page.getByRole('article');
    await board.getByRole('button', { name: zhWord('roundStep', 'nominate'), exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('combobox', { name: zhText('party.round.nominee') }).waitFor();
    await pickOption(page, dialog, zhText('party.round.nominee'), '张明');
    await pickOption(page, dialog, zhText('party.round.source'), zhText('party.round.sourceResidents'));
    await dialog.getByLabel(zhText('party.round.reason')).fill('常年参加社区志愿服务');
    await capture(page, 'party-round-nominate');
    await dialog.getByRole('button', { name: zhText('party.save') }).click();
    await dialog.waitFor({ state: 'hidden' });
    const round = `/party/rounds/${YEAR}/${EAST}`;
    const members = (await sys.http.get('/party/members').query({ q: '推荐党员' }).set('Authorization', east)).body.items as Array<{
      id: string;
    }>;
    for (const m of members)
      expect(
        (
          await sys.http
            .post(`${round}/nominations`)
            .set('Authorization', east)
            .send({ kind: 'member', subjectId: m.id, source: 'organization', reason: '表现突出' })
        ).status,
      ).toBe(200);
    const quota = (await sys.http.get(round).set('Authorization', east)).body.quota as number;
    expect(quota).toBeLessThan(4);

    for (const name of ['张明', '推荐党员1', '推荐党员2', '推荐党员3']) await board.getByRole('checkbox', { name }).check();
    await board.getByRole('button', { name: zhWord('roundStep', 'shortlist') }).click();
    await board.getByText(zhWord('round', 'shortlisted')).waitFor();
    // All four shortlisted are ticked for the decision: more members than the quota, shown before the API refuses.
    await board.getByRole('alert').filter({ hasText: '超出名额' }).waitFor();
    await capture(page, 'party-round-over-quota');
    for (const name of ['推荐党员1', '推荐党员2', '推荐党员3']) await board.getByRole('checkbox', { name }).uncheck();
    expect(await board.getByRole('alert').count()).toBe(0);
    await board.getByRole('button', { name: zhWord('roundStep', 'decide') }).click();
    await board.getByText(zhWord('round', 'decided')).waitFor();
    await board.getByRole('button', { name: zhWord('roundStep', 'submit') }).click();
    await board.getByText(zhWord('round', 'submitted')).waitFor();
    expect(await board.getByRole('button', { name: zhWord('roundStep', 'approve') }).count()).toBe(0);
    await signOut(page);

    await signIn(page, 'district@ledger.test');
    await page.goto(`/app/party/round?year=${YEAR}`);
    await page.getByRole('link', { name: 'East Street Office' }).click();
    await page
      .getByRole('article')
      .getByRole('button', { name: zhWord('roundStep', 'approve') })
      .click();
    await page.getByRole('article').getByText(zhWord('round', 'approved')).waitFor();
    await capture(page, 'party-round-district');
    expect((await sys.http.get(round).set('Authorization', east)).body).toMatchObject({ phase: 'approved', selectedMembers: 1 });
    // The July 1 list holds exactly the approved names.
    await page.getByRole('combobox', { name: zhText('party.commendations.language') }).waitFor();
    const file = page.waitForEvent('download');
    await page.getByRole('button', { name: zhText('party.commendations.csv') }).click();
    const download = await file;
    expect(download.suggestedFilename()).toBe(`七一表彰名单-${YEAR}年.csv`);
    const [header, ...rows] = (await readFile(await download.path(), 'utf8'))
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    const nameColumn = header!.split(',').indexOf('名称');
    expect(rows.map((row) => row.split(',')[nameColumn]!.replace(/"/g, ''))).toEqual(['张明']);
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
