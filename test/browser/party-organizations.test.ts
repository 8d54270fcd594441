import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seedId } from '../../domain/directory/seed.ts';
import { registerAs } from '../support/party-steps.ts';
import { browserStackFor, capture, signIn, signOut, zhText, zhWord } from './support/browser.ts';

// Communities and party branches on screen: a street's clerk adds, renames and retires its communities
// and its own branches (each button from the row's allowedActions; a community with members registered
// is refused with the API's reason), and an administrator adds one for a street it names.
const stack = browserStackFor(import.meta.filename);

const section = (page: Page, kind: 'community' | 'branch') =>
  page.getByRole('region', { name: zhText(`party.organizations.${kind}.title`), exact: true });
const row = (page: Page, kind: 'community' | 'branch', name: string) => section(page, kind).getByRole('row', { name: new RegExp(name) });

async function addThrough(page: Page, kind: 'community' | 'branch', name: string) {
  await section(page, kind)
    .getByRole('button', { name: zhText(`party.organizations.${kind}.add`) })
    .click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel(zhText('party.organizations.name')).fill(name);
  await dialog.getByRole('button', { name: zhText('party.save') }).click();
  await dialog.waitFor({ state: 'hidden' });
  await row(page, kind, name).waitFor();
}

async function retire(page: Page, kind: 'community' | 'branch', name: string) {
  await row(page, kind, name)
    .getByRole('button', { name: `${zhWord('organizationStep', 'retire')}：${name}` })
    .click();
  await page
    .locator('.ant-popconfirm:visible')
    .getByRole('button', { name: zhWord('organizationStep', 'retire'), exact: true })
    .click();
  // The confirmation fades out: the next retire must not find it still on screen beside its own.
  await expect.poll(() => page.locator('.ant-popconfirm:visible').count(), { timeout: 10_000 }).toBe(0);
}

/** Presses Tab until `target` has the focus, as someone without a mouse does; fails when it never comes. */
async function tabTo(page: Page, target: Locator) {
  for (let presses = 0; presses < 80; presses += 1) {
    if (await target.evaluate((element) => element === element.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${target.toString()}`);
}

describe('communities and branches on screen', () => {
  it('a street’s clerk adds, renames and retires a community and a branch; a community still in use is refused', async () => {
    const { sys } = stack();
    await registerAs(sys, await sys.login('east@ledger.test'), {
      memberNumber: 'OR-001',
      name: '王丽',
      homeUnitId: seedId('ST-EAST'),
      communityId: seedId('COMM-EAST-ELM'),
      registeredOn: '2020-03-01',
    });
    const page = await stack().newPage();
    await signIn(page, 'east@ledger.test');
    await page.getByRole('link', { name: zhText('party.nav.organizations') }).click();
    await row(page, 'community', 'Elm Road Community').getByText('1', { exact: true }).waitFor();

    await addThrough(page, 'community', '湖畔社区');
    await row(page, 'community', '湖畔社区')
      .getByRole('button', { name: `${zhWord('organizationStep', 'edit')}：湖畔社区` })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(zhText('party.organizations.name')).fill('湖滨社区');
    await dialog.getByLabel(zhText('party.organizations.email')).fill('lakeside@ledger.test');
    await dialog.getByRole('button', { name: zhText('party.save') }).click();
    await row(page, 'community', '湖滨社区').getByText('lakeside@ledger.test').waitFor();
    await addThrough(page, 'branch', '东街街道机关党支部');
    await capture(page, 'party-organizations');

    // Elm Road has a member registered: the API refuses, and says why.
    await retire(page, 'community', 'Elm Road Community');
    await page.getByRole('alert').getByText('还有党员在这个社区报到，请先为他们办理迁移').waitFor();
    await retire(page, 'community', '湖滨社区');
    await row(page, 'community', '湖滨社区').waitFor({ state: 'detached' });
    await retire(page, 'branch', '东街街道机关党支部');
    await row(page, 'branch', '东街街道机关党支部').waitFor({ state: 'detached' });
    // Shown again with every state: retired, and no step left to take.
    await section(page, 'community')
      .getByRole('combobox', { name: zhText('party.organizations.state') })
      .click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: zhText('party.organizations.allStates') })
      .click();
    const retired = row(page, 'community', '湖滨社区');
    await retired.getByText(zhWord('organizationState', 'retired')).waitFor();
    expect(await retired.getByRole('button').count()).toBe(0);
    // The state picker's list is gone (axe would read its options, half faded, as part of the screen).
    await page.locator('.ant-select-dropdown').last().waitFor({ state: 'hidden' });
    await capture(page, 'party-organizations-retired');
    await signOut(page);
  });

  it('a home unit’s clerk adds a party branch with the keyboard alone', async () => {
    const page = await stack().newPage();
    await signIn(page, 'civil@ledger.test');
    await page.goto('/app/party/organizations');
    // A home unit keeps branches only.
    const add = section(page, 'branch').getByRole('button', { name: zhText('party.organizations.branch.add') });
    await add.waitFor();
    expect(await section(page, 'community').count()).toBe(0);
    await tabTo(page, add);
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog');
    await tabTo(page, dialog.getByLabel(zhText('party.organizations.name')));
    await page.keyboard.type('民政局机关第三党支部');
    await tabTo(page, dialog.getByRole('button', { name: zhText('party.save') }));
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await row(page, 'branch', '民政局机关第三党支部').getByText(zhWord('organizationState', 'active')).waitFor();
    // Renamed the same way: Tab to the row's step, Enter, Tab into the form, Enter to save.
    await tabTo(
      page,
      row(page, 'branch', '民政局机关第三党支部').getByRole('button', {
        name: `${zhWord('organizationStep', 'edit')}：民政局机关第三党支部`,
      }),
    );
    await page.keyboard.press('Enter');
    const name = dialog.getByLabel(zhText('party.organizations.name'));
    await tabTo(page, name);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('民政局机关第四党支部');
    await page.keyboard.press('Enter');
    await row(page, 'branch', '民政局机关第四党支部').waitFor();
  });

  it('an administrator adds a community to the street it names', async () => {
    const page = await stack().newPage();
    await signIn(page, 'admin@ledger.test');
    await page.getByRole('link', { name: zhText('party.nav.organizations') }).click();
    await section(page, 'community')
      .getByRole('button', { name: zhText('party.organizations.community.add') })
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(zhText('party.organizations.unit')).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: 'West Street Office' }).click();
    await dialog.getByLabel(zhText('party.organizations.name')).fill('西山社区');
    await dialog.getByRole('button', { name: zhText('party.save') }).click();
    await row(page, 'community', '西山社区').getByText('West Street Office').waitFor();
    await capture(page, 'party-organizations-admin');
  });
});
