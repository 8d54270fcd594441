import { describe, expect, it } from 'vitest';
import { PNG_BYTES } from '../support/fixtures.ts';
import {
  capture,
  expectStatus,
  fillFiling,
  openCase,
  signIn,
  signOut,
  browserStackFor,
  fileViaUi,
  takeStep,
  zhText,
  zhWord,
} from './support/browser.ts';

const stack = browserStackFor(import.meta.filename);

describe('an urgent case, through the UI only', () => {
  it('is filed with a photo, forwarded, resolved by the city, closed on the reporter’s satisfaction, and mailed', async () => {
    const title = '紧急：榆树路路灯全部不亮';
    const page = await stack().newPage();

    await signIn(page, 'east@ledger.test');
    await capture(page, 'clerk-ledger');
    await page
      .getByRole('link', { name: zhText('nav.file') })
      .first()
      .click();
    await fillFiling(page, { title, category: '基础设施', location: '榆树路1-40号', urgent: true });
    await page.getByTestId('photo-input').setInputFiles({ name: 'street-light.png', mimeType: 'image/png', buffer: PNG_BYTES });
    await capture(page, 'clerk-file-case');
    await page.getByRole('button', { name: zhText('file.submit') }).click();
    await page.waitForURL(/\/app\/cases\/[0-9a-f-]{36}$/);
    const caseUrl = new URL(page.url()).pathname;
    await expectStatus(page, 'district_review');
    await expect.poll(() => page.getByRole('button', { name: 'street-light.png' }).count()).toBe(1);
    await capture(page, 'clerk-case');
    await signOut(page);

    await signIn(page, 'district@ledger.test');
    await capture(page, 'district-triage');
    await openCase(page, title);
    await takeStep(page, 'forward', [['step.summary', '供电设施老化，需市级协调供电公司']]);
    await expectStatus(page, 'municipal_coordination');
    await signOut(page);

    await signIn(page, 'city@ledger.test');
    await capture(page, 'city-coordination');
    await openCase(page, title);
    await takeStep(page, 'assign', [['step.coordinatingBody', '市供电公司']]);
    await takeStep(page, 'resolve', [['step.resolution', '供电公司已更换线路，路灯恢复']]);
    await expectStatus(page, 'awaiting_feedback');
    await signOut(page);

    await signIn(page, 'east@ledger.test');
    await page.goto(caseUrl);
    await page.getByRole('button', { name: zhWord('step', 'feedback') }).click();
    await page
      .getByRole('dialog')
      .getByRole('radio', { name: zhText('step.satisfiedYes'), exact: true })
      .check();
    await page
      .getByRole('dialog')
      .getByRole('button', { name: zhText('step.confirm') })
      .click();
    await expectStatus(page, 'closed');
    await signOut(page);

    await signIn(page, 'admin@ledger.test');
    await page.goto('/app/admin/mail');
    await expect.poll(() => page.getByText(title).count(), { timeout: 20_000 }).toBeGreaterThan(1);
    await capture(page, 'admin-mailbox');
  });

  it('shows "not found" to a user of another unit who opens the case URL', async () => {
    const page = await stack().newPage();
    await signIn(page, 'east@ledger.test');
    const caseUrl = await fileViaUi(page, { title: '东街的问题，西街看不到', category: '环境', location: '东街', urgent: true });
    await signOut(page);

    await signIn(page, 'west@ledger.test');
    await page.goto(caseUrl);
    await page.getByText(zhText('case.notFound')).waitFor();
    await capture(page, 'other-unit-not-found');
  });
});
