import { describe, expect, it } from 'vitest';
import { seedId } from '../../domain/directory/seed.ts';
import { fileAs, stepOk } from '../support/case-steps.ts';
import {
  browserStackFor,
  capture,
  expectStatus,
  openCase,
  pickOption,
  signIn,
  signOut,
  takeStep,
  zhText,
  zhWord,
} from './support/browser.ts';

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

  it('keeps a step dialog’s text when another officer acted first, confirms each step, and offers the next case', async () => {
    const { sys } = stack();
    const admin = await sys.login('admin@ledger.test');
    const { token: colleague } = await sys.addUser(admin, {
      email: 'second-district@ledger.test',
      displayName: '第二梳理员',
      role: 'district_officer',
      orgUnitId: seedId('DIST'),
    });
    const east = await sys.login('east@ledger.test');
    const first = await fileAs(sys, east, { title: '步骤：桥下积水', urgent: true });
    await fileAs(sys, east, { title: '步骤：广场地砖松动', urgent: true });

    const page = await stack().newPage();
    await signIn(page, 'district@ledger.test');
    await page.goto(`/app/cases/${first.id}`);
    await page.getByRole('button', { name: zhWord('step', 'solve') }).click();
    const dialog = page.getByRole('dialog');
    const answer = dialog.getByLabel(zhText('step.resolution'));
    const typed = '已协调排水公司清理管道';
    await answer.fill(typed);
    // A colleague forwards the case meanwhile: the page follows, the open dialog stays with what was typed.
    await stepOk(sys, colleague, first.id, 'forward', { summary: '需市级协调排水公司' });
    await expectStatus(page, 'municipal_coordination');
    expect(await answer.inputValue()).toBe(typed);
    await dialog.getByRole('button', { name: zhText('step.confirm') }).click();
    const warning = dialog.getByRole('alert');
    await warning.getByText(zhText('step.changedMeanwhile')).waitFor();
    // The API's own words say what changed: the case is now in municipal coordination.
    expect(await warning.textContent()).toContain(`“${zhWord('status', 'municipal_coordination')}”`);
    expect(await answer.inputValue()).toBe(typed);
    await capture(page, 'district-step-after-colleague');
    await dialog.getByRole('button', { name: zhText('step.cancel') }).click();
    await dialog.waitFor({ state: 'hidden' });

    // From the triage inbox: the step is confirmed, and the inbox's next case is one click away.
    await page.goto('/app/triage');
    await openCase(page, '步骤：广场地砖松动');
    await takeStep(page, 'solve', [['step.resolution', '已重新铺设地砖']]);
    const confirmation = page.getByRole('status').filter({ hasText: zhText('step.done').replace('{step}', zhWord('step', 'solve')) });
    await confirmation.waitFor();
    const inbox = await sys.http.get('/cases').query({ status: 'district_review', sort: 'due' }).set('Authorization', colleague);
    const next = inbox.body.items[0] as { id: string; title: string };
    await confirmation.getByText(next.title).waitFor();
    await capture(page, 'district-step-done-next-case');
    await confirmation.getByRole('button', { name: zhText('step.nextCase') }).click();
    await page.waitForURL(`**/app/cases/${next.id}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toContain(next.title);
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: zhText('step.done').replace('{step}', zhWord('step', 'solve')) })
        .count(),
    ).toBe(0);
  });
});
