import { describe, expect, it } from 'vitest';
import { seedId } from '../../domain/directory/seed.ts';
import { fileAs, stepOk } from '../support/case-steps.ts';
import { browserStackFor, capture, openCase, pickOption, signIn, takeStep, zhText, zhWord } from './support/browser.ts';

const stack = browserStackFor(import.meta.filename);

// The menu's counts refresh every few seconds (as the case lists do), not at once: poll past one refresh.
const LIVE = { timeout: 10_000, interval: 250 };
const BELL = { timeout: 30_000, interval: 250 };

const countIn = async (link: { textContent(): Promise<string | null> }) => Number((await link.textContent())?.match(/(\d+)\s*$/)?.[1]);

describe('a district office works its queue as a team', () => {
  it('takes a case from "unassigned in my unit", assigns one to a colleague by name, and saves the list as a shared view', async () => {
    const { sys } = stack();
    const admin = await sys.login('admin@ledger.test');
    const colleague = await sys.addUser(admin, {
      email: 'second-district@ledger.test',
      displayName: '第二梳理员',
      role: 'district_officer',
      orgUnitId: seedId('DIST'),
    });
    const east = await sys.login('east@ledger.test');
    const titles = ['团队：桥面裂缝', '团队：井盖缺失', '团队：路灯闪烁'];
    for (const title of titles) await fileAs(sys, east, { title, urgent: true });

    const page = await stack().newPage();
    await signIn(page, 'district@ledger.test');
    const menu = page.getByRole('navigation', { name: zhText('nav.label') });
    const unassigned = menu.getByRole('link', { name: new RegExp(`^${zhText('worklist.unassigned')}`) });
    const mine = menu.getByRole('link', { name: new RegExp(`^${zhText('worklist.mine')}`) });
    await expect.poll(() => countIn(unassigned), LIVE).toBe(3);
    expect(await countIn(mine)).toBe(0);
    await unassigned.click();
    for (const title of titles) await page.getByRole('link', { name: title }).waitFor();
    await capture(page, 'district-unassigned');

    await openCase(page, titles[0]!);
    await takeStep(page, 'take', []);
    await page
      .getByText(`${zhText('case.owner')}: District triage officer`)
      .first()
      .waitFor();
    // The menu's counts follow without a reload.
    await expect.poll(() => countIn(mine), LIVE).toBe(1);
    await expect.poll(() => countIn(unassigned), LIVE).toBe(2);

    await unassigned.click();
    await openCase(page, titles[1]!);
    await page.getByRole('button', { name: zhWord('step', 'assignOwner') }).click();
    const dialog = page.getByRole('dialog');
    await pickOption(page, dialog, zhText('step.assignee'), '第二梳理员');
    await dialog.getByRole('button', { name: zhText('step.confirm') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page
      .getByText(`${zhText('case.owner')}: 第二梳理员`)
      .first()
      .waitFor();
    await capture(page, 'district-assigned-to-colleague');

    // What is left unassigned, saved as a view shared with the unit.
    await unassigned.click();
    await page.getByRole('button', { name: zhText('view.save') }).click();
    const save = page.getByRole('dialog');
    await save.getByLabel(zhText('view.name')).fill('本组待承办');
    await save.getByRole('checkbox', { name: zhText('view.shared') }).check();
    await save.getByRole('button', { name: zhText('step.confirm') }).click();
    await save.waitFor({ state: 'hidden' });
    const viewLink = menu.getByRole('link', { name: /^本组待承办/ });
    await expect.poll(() => countIn(viewLink), LIVE).toBe(1);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('本组待承办');
    await capture(page, 'district-saved-view');

    // The colleague sees the shared view, counted in their own scope, and the case assigned to them.
    const theirs = await sys.http.get('/worklists').set('Authorization', colleague.token);
    expect(theirs.body.views).toEqual([expect.objectContaining({ name: '本组待承办', count: 1 })]);
    expect(theirs.body.lists.find((l: { key: string }) => l.key === 'mine').count).toBe(1);
  });

  it('keeps a stock reply for the district and returns a case with it, the case number filled in and the text edited', async () => {
    const { sys } = stack();
    const east = await sys.login('east@ledger.test');
    const filed = await fileAs(sys, east, { title: '常用回复：台阶破损', urgent: true });

    const page = await stack().newPage();
    await signIn(page, 'district@ledger.test');
    await page
      .getByRole('navigation', { name: zhText('nav.label') })
      .getByRole('link', { name: zhText('nav.stockReplies') })
      .click();
    await page.getByRole('button', { name: zhText('stockReply.new') }).click();
    const keep = page.getByRole('dialog');
    await keep.getByLabel(zhText('stockReply.name')).fill('补充现场照片');
    await keep.getByLabel(zhText('stockReply.textZh')).fill('请为第{number}号问题补充现场照片');
    await keep.getByLabel(zhText('stockReply.textEn')).fill('Please add photos of the site to case {number}');
    await keep.getByRole('button', { name: zhText('party.save') }).click();
    await keep.waitFor({ state: 'hidden' });
    await page.getByRole('cell', { name: '补充现场照片', exact: true }).waitFor();
    await capture(page, 'district-stock-replies');

    await page.goto(`/app/cases/${filed.id}`);
    await page.getByRole('button', { name: zhWord('step', 'return') }).click();
    const dialog = page.getByRole('dialog');
    await pickOption(page, dialog, zhText('stockReply.pick'), '补充现场照片');
    const questions = dialog.getByLabel(zhText('step.questions'));
    await expect.poll(() => questions.inputValue()).toBe(`请为第${filed.number}号问题补充现场照片`);
    // The text stays editable: what is sent is what the officer leaves in the field.
    await questions.fill(`${await questions.inputValue()}，并注明位置`);
    await capture(page, 'district-return-with-stock-reply');
    await dialog.getByRole('button', { name: zhText('step.confirm') }).click();
    await dialog.waitFor({ state: 'hidden' });
    const view = await sys.http.get(`/cases/${filed.id}`).set('Authorization', east);
    expect(view.body.status).toBe('returned_for_info');
    expect(JSON.stringify(view.body.history)).toContain(`请为第${filed.number}号问题补充现场照片，并注明位置`);
  });

  // The bell refreshes every 3 s (web/src/cases/refresh.ts); the waits below leave room for a loaded machine.
  it('rings the clerk’s bell when the district returns a case, opens the case from it and marks it read', async () => {
    const { sys } = stack();
    const east = await sys.login('east@ledger.test');
    const district = await sys.login('district@ledger.test');
    const filed = await fileAs(sys, east, { title: '提醒：路面塌陷', urgent: true });

    const page = await stack().newPage();
    await signIn(page, 'east@ledger.test');
    const bell = page.getByRole('button', { name: new RegExp(`^${zhText('bell.title')}`) });
    await bell.waitFor();
    const unreadOf = async () => Number((await bell.getAttribute('aria-label'))?.match(/(\d+)/)?.[1]);
    // The label names a count once the bell has answered; earlier tests left this clerk's unit other items.
    await expect.poll(() => unreadOf(), BELL).not.toBeNaN();
    const unreadBefore = await unreadOf();
    await stepOk(sys, district, filed.id, 'return', { questions: '请说明塌陷的面积' });
    await expect.poll(() => unreadOf(), BELL).toBe(unreadBefore + 1);
    await bell.click();
    const list = page.getByRole('region', { name: zhText('bell.title') });
    const entry = list.getByRole('link', { name: `#${filed.number} 提醒：路面塌陷` });
    await entry.waitFor();
    await list.getByText('District triage officer', { exact: false }).first().waitFor();
    await capture(page, 'clerk-bell-returned');
    await entry.click();
    await page
      .getByRole('heading', { name: /提醒：路面塌陷/ })
      .first()
      .waitFor();
    await expect.poll(() => unreadOf(), BELL).toBe(unreadBefore);
  });
});
