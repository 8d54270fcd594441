import { beforeAll, describe, expect, it } from 'vitest';
import { seedId } from '../../domain/directory/seed.ts';
import { fileAs, stepOk } from '../support/case-steps.ts';
import { browserStackFor, capture, fillFiling, pickOption, signIn, signOut, zhText, zhWord } from './support/browser.ts';
import { PHONE_NUMBER_WORDS } from '../../model/text.ts';

const stack = browserStackFor(import.meta.filename);
beforeAll(async () => {
  const sys = stack().sys;
  // Some history for the dashboard and the exports (through the API: these screens only read it).
  const [east, west, district] = [
    await sys.login('east@ledger.test'),
    await sys.login('west@ledger.test'),
    await sys.login('district@ledger.test'),
  ];
  const a = await fileAs(sys, east, { urgent: true, title: '报表：东街井盖缺失', category: '市政设施' });
  await fileAs(sys, west, { urgent: true, title: '报表：西街垃圾清运不及时', category: '环境卫生' });
  await fileAs(sys, east, { title: '报表：东街老旧小区加装电梯', category: '市政设施' });
  await stepOk(sys, district, a.id, 'solve', { resolution: '已补装井盖' });
});

describe('administration and reports', () => {
  it('an admin marks a holiday on the calendar grid and saves a new version', async () => {
    const page = await stack().newPage();
    await signIn(page, 'admin@ledger.test');
    await page.goto('/app/admin/calendar');
    // Whatever month is shown: the first weekday in it (a date-independent pick).
    await page.locator('button[data-date]').first().waitFor();
    const dates = await page.locator('button[data-date]').evaluateAll((buttons) => buttons.map((b) => b.getAttribute('data-date') ?? ''));
    const weekday = dates.find((d) => ![0, 6].includes(new Date(`${d}T00:00:00Z`).getUTCDay()));
    expect(weekday).toBeDefined();
    await page.locator(`button[data-date="${weekday}"]`).click();
    await page.getByLabel(zhText('calendar.note')).fill('测试节假日');
    await page.getByRole('button', { name: zhText('calendar.save') }).click();
    await page.getByText('已保存为版本 1').waitFor();
    await capture(page, 'admin-calendar');
    const admin = await stack().sys.login('admin@ledger.test');
    const calendar = await stack().sys.http.get('/calendar').set('Authorization', admin);
    expect(calendar.body).toMatchObject({ version: 1, days: [{ date: weekday, kind: 'holiday' }] });
  });

  it('an admin creates a user, resets the password and deactivates the user', async () => {
    const page = await stack().newPage();
    await signIn(page, 'admin@ledger.test');
    await page.goto('/app/admin/directory');
    const form = page.locator('form').first();
    await form.getByLabel(zhText('auth.email')).fill('new-clerk@ledger.test');
    await form.getByLabel(zhText('directory.name')).fill('新办事员');
    await pickOption(page, form, zhText('directory.role'), zhWord('role', 'street_staff'));
    await pickOption(page, form, zhText('list.unit'), 'West Street Office');
    await form.getByRole('button', { name: zhText('directory.create') }).click();
    await page.getByText(/new-clerk@ledger.test 的一次性密码/).waitFor();
    const row = page.getByRole('row', { name: /new-clerk@ledger.test/ });
    await row.getByRole('button', { name: zhText('directory.reset') }).click();
    await page.getByRole('tooltip').getByRole('button', { name: /确|OK/ }).click();
    await expect.poll(() => page.getByText(/new-clerk@ledger.test 的一次性密码/).count()).toBe(1);
    // The reset's confirmation closes with an animation: wait until it is gone, so only the next one is open.
    await expect.poll(() => page.getByRole('tooltip').count()).toBe(0);
    await row.getByRole('button', { name: zhText('directory.deactivate') }).click();
    await page.getByRole('tooltip').getByRole('button', { name: /确|OK/ }).click();
    await row.getByText(zhText('directory.inactive')).waitFor();
    await capture(page, 'admin-directory');
  });

  it('a user an admin creates is sent to change the one-time password at first sign-in, told by the API what is too weak', async () => {
    const page = await stack().newPage();
    await signIn(page, 'admin@ledger.test');
    await page.goto('/app/admin/directory');
    const form = page.locator('form').first();
    await form.getByLabel(zhText('auth.email')).fill('first-clerk@ledger.test');
    await form.getByLabel(zhText('directory.name')).fill('首次登录办事员');
    await pickOption(page, form, zhText('directory.role'), zhWord('role', 'street_staff'));
    await pickOption(page, form, zhText('list.unit'), 'West Street Office');
    await form.getByRole('button', { name: zhText('directory.create') }).click();
    const notice = page.getByText(/first-clerk@ledger.test 的一次性密码/);
    const oneTime = (await notice.textContent())?.match(/一次性密码：(\S+?)（/)?.[1];
    expect(oneTime).toBeTruthy();
    await signOut(page);

    await page.getByLabel(zhText('auth.email')).fill('first-clerk@ledger.test');
    await page.getByLabel(zhText('auth.password'), { exact: true }).fill(oneTime!);
    await page.getByRole('button', { name: zhText('auth.signIn') }).click();
    await page.waitForURL(/\/app\/password$/);
    await page.getByText(zhText('auth.mustChangePassword')).waitFor();
    // Any other page of the app leads back here until the password is changed.
    await page.goto('/app/cases');
    await page.waitForURL(/\/app\/password$/);
    await page.getByLabel(zhText('auth.currentPassword')).fill(oneTime!);
    await page.getByLabel(zhText('auth.newPassword')).fill('short1');
    await page.getByRole('button', { name: zhText('auth.changePassword') }).click();
    // The API's message, under the field it names.
    await page
      .locator('.ant-form-item')
      .filter({ has: page.getByLabel(zhText('auth.newPassword')) })
      .getByText('密码至少需要 10 个字符')
      .waitFor();
    await capture(page, 'first-sign-in-password');
    await page.getByLabel(zhText('auth.newPassword')).fill('west-clerk-2026');
    await page.getByRole('button', { name: zhText('auth.changePassword') }).click();
    await page.waitForURL((url) => !url.pathname.endsWith('/password'));
    await page.getByRole('navigation', { name: zhText('nav.label') }).waitFor();
    const { sys } = stack();
    const again = await sys.http.post('/auth/login').send({ email: 'first-clerk@ledger.test', password: 'west-clerk-2026' });
    expect(again.body.user.mustChangePassword).toBe(false);
  });

  it('an admin edits a user’s name and unit and enables a deactivated user again, with the buttons the API offers', async () => {
    const { sys } = stack();
    const admin = await sys.login('admin@ledger.test');
    const created = await sys.http
      .post('/admin/users')
      .set('Authorization', admin)
      .send({ email: 'leaving-clerk@ledger.test', displayName: '离岗办事员', role: 'street_staff', orgUnitId: seedId('ST-WEST') });
    expect((await sys.http.post(`/admin/users/${created.body.user.id}/deactivate`).set('Authorization', admin)).status).toBe(200);
    const page = await stack().newPage();
    await signIn(page, 'admin@ledger.test');
    await page.goto('/app/admin/directory');
    const row = page.getByRole('row', { name: /leaving-clerk@ledger.test/ });
    await row.getByText(zhText('directory.inactive'), { exact: true }).waitFor();
    // A deactivated account is offered no password reset: its table does not allow one.
    expect(await row.getByRole('button', { name: zhWord('userAction', 'resetPassword') }).count()).toBe(0);
    await row.getByRole('button', { name: zhText('directory.editUser').replace('{email}', 'leaving-clerk@ledger.test') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(zhText('directory.name')).fill('返岗办事员');
    await pickOption(page, dialog, zhText('list.unit'), 'East Street Office');
    await dialog.getByRole('button', { name: zhText('directory.save') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('row', { name: /leaving-clerk@ledger.test.*返岗办事员.*East Street Office/ }).waitFor();
    await row.getByRole('button', { name: zhWord('userAction', 'reactivate') }).click();
    await page.getByRole('tooltip').getByRole('button', { name: /确|OK/ }).click();
    await row.getByText(zhText('directory.active'), { exact: true }).waitFor();
    await row.getByRole('button', { name: zhWord('userAction', 'deactivate') }).waitFor();
    await capture(page, 'admin-user-edited');
  });

  it('an admin renames a unit and changes its e-mail', async () => {
    const page = await stack().newPage();
    await signIn(page, 'admin@ledger.test');
    await page.goto('/app/admin/directory');
    await page.getByRole('tab', { name: zhText('directory.units') }).click();
    await page.getByRole('button', { name: zhText('directory.editUnit').replace('{name}', 'Eco-industrial Park') }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(zhText('directory.name')).fill('生态工业园区');
    await dialog.getByLabel(zhText('auth.email')).fill('eco-new@ledger.test');
    await dialog.getByRole('button', { name: zhText('directory.save') }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('row', { name: /生态工业园区.*eco-new@ledger\.test/ }).waitFor();
    await capture(page, 'admin-units');
  });

  it('an admin adds one of the district’s leadership bodies with its e-mail from the new-unit form', async () => {
    const page = await stack().newPage();
    await signIn(page, 'admin@ledger.test');
    await page.goto('/app/admin/directory');
    await page.getByRole('tab', { name: zhText('directory.units') }).click();
    const form = page.getByRole('tabpanel').locator('form').first();
    await form.getByLabel(zhText('directory.code')).fill('LEAD-GOV');
    await form.getByLabel(zhText('directory.name')).fill('区人民政府办公室');
    await pickOption(page, form, zhText('directory.kind'), zhWord('unitKind', 'leadership_body'));
    // Under the second district, whose name is the only one of its kind in the list.
    await pickOption(page, form, zhText('directory.parent'), 'North District Organization Department');
    await form.getByLabel(zhText('auth.email')).fill('gov-office@ledger.test');
    await form.getByRole('button', { name: zhText('directory.create') }).click();
    await page
      .getByRole('row', { name: new RegExp(`区人民政府办公室.*${zhWord('unitKind', 'leadership_body')}.*gov-office@ledger\\.test`) })
      .waitFor();
    const admin = await stack().sys.login('admin@ledger.test');
    const units = await stack().sys.http.get('/org-units').set('Authorization', admin);
    expect(units.body.items.find((u: { code: string }) => u.code === 'LEAD-GOV')).toMatchObject({
      kind: 'leadership_body',
      email: 'gov-office@ledger.test',
      keepsLeaders: true,
      filesCases: false,
    });
  });

  it('the district reads the dashboard, clicks through to the list, and exports Annex 3 with a progress bar', async () => {
    const page = await stack().newPage();
    await signIn(page, 'district@ledger.test');
    await page.goto('/app/dashboard');
    await page.locator('canvas').first().waitFor();
    await capture(page, 'district-dashboard');
    await page.getByRole('link', { name: 'East Street Office' }).click();
    await page.waitForURL(/\/app\/cases\?unit=/);
    await page.getByRole('link', { name: '报表：东街井盖缺失' }).waitFor();
    expect(await page.getByRole('link', { name: '报表：西街垃圾清运不及时' }).count()).toBe(0);
    await capture(page, 'district-cases-filtered');
    // The unit filter offers the units that file cases, as the API marks them: no leadership body's office.
    await page.getByRole('combobox', { name: zhText('list.unit') }).fill('District');
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await expect.poll(() => options.allTextContents()).toEqual(['District Civil Affairs Bureau']);
    await page.keyboard.press('Escape');

    await page.goto('/app/exports');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: zhText('exports.download') }).click();
    expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
    await page.getByRole('button', { name: zhText('exports.startJob') }).click();
    await page.getByText(zhWord('exportStatus', 'completed')).waitFor({ timeout: 30_000 });
    // The job's own download, offered because the API lists it among the job's allowed actions.
    const jobFile = page.waitForEvent('download');
    await page.getByRole('button', { name: zhText('exports.downloadFile'), exact: true }).click();
    expect((await jobFile).suggestedFilename()).toMatch(/\.xlsx$/);
    await capture(page, 'district-exports');
  });

  it('the filing form works at 375 px, as on a phone', async () => {
    const page = await stack().newPage(375);
    await signIn(page, 'east@ledger.test');
    await page.goto('/app/cases/new');
    await fillFiling(page, { title: '报表：手机登记的问题', category: '市政设施', location: '东街', urgent: true });
    const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth');
    expect(overflow).toBeLessThanOrEqual(0);
    await capture(page, 'clerk-file-case-375');
    // A phone the API would refuse is named under its field before anything is sent.
    const contact = page.getByLabel(zhText('case.reporterContact'), { exact: true });
    await contact.fill('abc');
    await page.getByRole('button', { name: zhText('file.submit') }).click();
    await page.getByText(PHONE_NUMBER_WORDS.zh, { exact: true }).waitFor();
    expect(page.url()).toMatch(/\/app\/cases\/new$/);
    await contact.fill('139 1234 5678');
    await page.getByRole('button', { name: zhText('file.submit') }).click();
    await page.waitForURL(/\/app\/cases\/[0-9a-f-]{36}$/);

    // The ledger on a phone is a list of cards, not a table that scrolls sideways.
    await page.goto('/app/cases');
    await page
      .getByRole('link', { name: /报表：手机登记的问题/ })
      .first()
      .waitFor();
    expect(await page.getByRole('columnheader', { name: zhText('case.filedAt') }).count()).toBe(0);
    await page.getByText(zhText('case.filedAt'), { exact: true }).first().waitFor();
    // Whose deadline a row shows: the urgent case just filed is the district's to meet.
    await page
      .getByText(new RegExp(`前（${zhWord('level', 'district')}）$`))
      .first()
      .waitFor();
    expect(await page.evaluate<number>('document.documentElement.scrollWidth - document.documentElement.clientWidth')).toBeLessThanOrEqual(
      0,
    );
    await capture(page, 'clerk-ledger-375');
  });
});
