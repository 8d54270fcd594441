import { describe, expect, it } from 'vitest';
import { fileAs } from '../support/case-steps.ts';
import { browserStackFor, capture, expectStatus, pickOption, signIn, signOut, zhText, zhWord } from './support/browser.ts';

const stack = browserStackFor(import.meta.filename);

describe('merging and steps on the case page, in Chinese', () => {
  it('links both sides of a merge by number and title, each as far as the reader may see', async () => {
    const { sys } = stack();
    const place = { location: '幸福路88号', category: '基础设施', description: '路灯坏了很久，夜间出行不便' };
    const primaryTitle = '幸福路老旧小区路灯长期不亮';
    const duplicateTitle = '幸福路路灯不亮';
    const primary = await fileAs(sys, await sys.login('east@ledger.test'), { ...place, title: primaryTitle, urgent: true });
    const duplicate = await fileAs(sys, await sys.login('west@ledger.test'), { ...place, title: duplicateTitle, urgent: true });

    const page = await stack().newPage();
    await signIn(page, 'district@ledger.test');
    await page.goto(`/app/cases/${duplicate.id}`);
    await page.getByRole('button', { name: zhWord('step', 'merge') }).click();
    const dialog = page.getByRole('dialog');
    await pickOption(page, dialog, zhText('step.primaryCase'), `#${primary.number} ${primaryTitle}`);
    await dialog.getByRole('button', { name: zhText('step.confirm') }).click();
    await expectStatus(page, 'merged');

    // The duplicate names its primary ("已并入 #N 标题"), a link to it; the primary names the duplicate back.
    const article = page.getByRole('article');
    const toPrimary = article.getByRole('link', { name: `#${primary.number} ${primaryTitle}` }).first();
    await toPrimary.waitFor();
    await expect.poll(() => article.getByText(zhText('case.mergedInto')).count()).toBeGreaterThan(0);
    await capture(page, 'district-merged-duplicate');
    await toPrimary.click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(primaryTitle);
    await expect.poll(() => article.getByText(zhText('case.duplicates')).count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const toDuplicate = article.getByRole('link', { name: `#${duplicate.number} ${duplicateTitle}` });
    // Beside the title, and in the history where the duplicate was attached (no raw id anywhere).
    await expect.poll(() => toDuplicate.count()).toBe(2);
    expect(await article.textContent()).not.toContain(duplicate.id);
    await capture(page, 'district-primary-with-duplicate');
    await signOut(page);

    // West may not open East's case: it reads the primary's number only, with no link.
    await signIn(page, 'west@ledger.test');
    await page.goto(`/app/cases/${duplicate.id}`);
    await expectStatus(page, 'merged');
    await article.getByText(`#${primary.number}`, { exact: true }).first().waitFor();
    expect(await article.getByRole('link', { name: `#${primary.number}` }).count()).toBe(0);
    expect(await article.textContent()).not.toContain(primaryTitle);
  });
});
