import { describe, expect, it } from 'vitest';
import { browserStackFor, capture, expectStatus, fileViaUi, signIn, takeStep, zhText, zhWord } from './support/browser.ts';

const stack = browserStackFor(import.meta.filename);

describe('a regular case, through the UI only', () => {
  it('is returned with questions, resubmitted with edits, solved, and reopened by a dissatisfied reporter; pages refresh themselves', async () => {
    const clerk = await stack().newPage();
    const district = await stack().newPage();
    await signIn(clerk, 'east@ledger.test');
    await signIn(district, 'district@ledger.test');

    const caseUrl = await fileViaUi(clerk, {
      title: '西山公园缺少无障碍通道',
      category: '公共服务',
      location: '西山公园北门',
      urgent: false,
    });
    await expectStatus(clerk, 'awaiting_submission');
    await takeStep(clerk, 'submit', []);
    await expectStatus(clerk, 'district_review');

    // The district's inbox shows the case without a reload.
    await district.getByRole('link', { name: '西山公园缺少无障碍通道' }).waitFor({ timeout: 5_000 });
    await district.goto(caseUrl);
    await capture(district, 'district-case');
    await district.getByRole('button', { name: zhWord('step', 'merge') }).click();
    await capture(district, 'district-merge-picker');
    await district
      .getByRole('dialog')
      .getByRole('button', { name: zhText('step.cancel') })
      .click();
    await takeStep(district, 'return', [['step.questions', '请补充通道的具体位置和宽度要求']]);
    await expectStatus(district, 'returned_for_info');

    // The clerk's open case changes by itself, within 5 s.
    await clerk
      .getByRole('article')
      .locator('.ant-tag', { hasText: zhWord('status', 'returned_for_info') })
      .waitFor({ timeout: 5_000 });
    await takeStep(clerk, 'resubmit', [
      ['step.answer', '北门台阶处，需宽1.2米的坡道'],
      ['case.title', '西山公园北门缺少无障碍坡道'],
    ]);
    await expectStatus(clerk, 'district_review');
    await district.getByRole('heading', { name: /西山公园北门缺少无障碍坡道/ }).waitFor({ timeout: 5_000 });

    await takeStep(district, 'solve', [['step.resolution', '区住建局已安排修建坡道']]);
    await expectStatus(district, 'awaiting_feedback');

    await clerk.getByRole('button', { name: zhWord('step', 'feedback') }).waitFor({ timeout: 5_000 });
    await clerk.getByRole('button', { name: zhWord('step', 'feedback') }).click();
    const dialog = clerk.getByRole('dialog');
    await dialog.getByRole('radio', { name: zhText('step.satisfiedNo') }).check();
    await dialog.getByLabel(zhText('step.dissatisfaction')).fill('坡道太陡，轮椅无法通行');
    await dialog.getByRole('button', { name: zhText('step.confirm') }).click();
    await expectStatus(clerk, 'district_review');
    await expect.poll(() => clerk.getByText(zhWord('event', 'reopened')).count()).toBe(1);
  });

  it('shows the API’s validation messages beside the fields, and keeps the form usable by keyboard', async () => {
    const page = await stack().newPage();
    await signIn(page, 'east@ledger.test');
    await page.goto('/app/cases/new');
    await page.getByLabel(zhText('case.title'), { exact: true }).focus();
    await page.keyboard.type('坏');
    // Tab through every field to the submit button, as a keyboard user would.
    const submit = page.getByRole('button', { name: zhText('file.submit') });
    const focused = () => submit.evaluate((button) => button === button.ownerDocument.activeElement);
    for (let presses = 0; presses < 60 && (await focused()) !== true; presses += 1) await page.keyboard.press('Tab');
    expect(await focused()).toBe(true);
    await page.keyboard.press('Enter');
    // The API names each missing field; the form shows its message under that field.
    await page.locator('#title_help, [id$="title_help"]').first().waitFor();
    await capture(page, 'clerk-file-case-errors');
  });

  it('sends an expired session to sign-in and back to the same page', async () => {
    const page = await stack().newPage();
    await signIn(page, 'east@ledger.test');
    await page.goto('/app/half-year');
    await stack().sys.db.prisma.session.deleteMany({});
    await page.waitForURL(/\/app\/login\?expired=1/, { timeout: 10_000 });
    await capture(page, 'sign-in-expired');
    await signIn(page, 'east@ledger.test', { here: true });
    await page.waitForURL(/\/app\/half-year$/);
  });

  it('takes a signed-out visitor from a link to sign-in and back to that page', async () => {
    const page = await stack().newPage();
    await page.goto('/app/half-year?tab=mine');
    await page.waitForURL(/\/app\/login\?next=%2Fhalf-year%3Ftab%3Dmine$/, { timeout: 10_000 });
    await signIn(page, 'east@ledger.test', { here: true });
    await page.waitForURL(/\/app\/half-year\?tab=mine$/);
    await page.getByRole('heading', { level: 1, name: zhText('halfYear.title').replace('{cycle}', '').trim() }).waitFor();
  });

  it('switches the language and remembers it', async () => {
    const page = await stack().newPage();
    await page.goto('/');
    await page.waitForURL(/\/app\/login/);
    await signIn(page, 'district@ledger.test', { here: true });
    await page.getByText('English', { exact: true }).click();
    await page.getByRole('link', { name: 'Triage' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'Triage' }).waitFor();
    await capture(page, 'district-triage-en');
    await page.getByText('中文', { exact: true }).click();
    await page.getByRole('heading', { name: zhText('nav.triage') }).waitFor();
  });
});
