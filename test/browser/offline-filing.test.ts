import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PNG_BYTES } from '../support/fixtures.ts';
import { browserStackFor, capture, fillFiling, signIn, zhText } from './support/browser.ts';

const stack = browserStackFor(import.meta.filename);

/** The cases of East Street Office whose title holds `title`, each with its attachments, as the API has them. */
async function casesTitled(title: string) {
  const { sys } = stack();
  const east = await sys.login('east@ledger.test');
  const list = await sys.http.get('/cases').query({ q: title }).set('Authorization', east);
  const items = (list.body as { items: Array<{ id: string; title: string }> }).items.filter((c) => c.title === title);
  return Promise.all(
    items.map(
      async (c) => (await sys.http.get(`/cases/${c.id}`).set('Authorization', east)).body as { attachments: Array<{ fileName: string }> },
    ),
  );
}

/** Signs in and waits until the service worker serves the app, as a clerk's phone does after the first visit. */
async function clerkOnPhone(): Promise<Page> {
  const page = await stack().newPage(375);
  await signIn(page, 'east@ledger.test');
  await expect.poll(() => page.evaluate<boolean>('navigator.serviceWorker.controller !== null'), { timeout: 30_000 }).toBe(true);
  await page.waitForLoadState('networkidle');
  return page;
}

const draftTag = (page: Page, key: 'drafts.waiting' | 'drafts.refused') => page.locator('.ant-tag', { hasText: zhText(key) });

describe('the web app on a phone, with and without a signal', () => {
  it('is installable: the manifest (Chinese name, 192 and 512 px icons) is linked and the service worker controls the app', async () => {
    const page = await stack().newPage(375);
    await signIn(page, 'east@ledger.test');
    const manifestUrl = await page.locator('link[rel="manifest"]').getAttribute('href');
    expect(manifestUrl).toBe('/app/manifest.webmanifest');
    const manifest = (await (await page.request.get(manifestUrl ?? '')).json()) as {
      name: string;
      short_name: string;
      start_url: string;
      display: string;
      icons: Array<{ src: string; sizes: string }>;
    };
    expect(manifest).toMatchObject({ short_name: '联动台账', start_url: '/app/', display: 'standalone' });
    expect(manifest.name).toMatch(/^联动/);
    expect(manifest.icons.map((icon) => icon.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons) {
      const answer = await page.request.get(`/app/${icon.src}`);
      expect(answer.headers()['content-type']).toBe('image/png');
    }
    const scope = await page.evaluate<string>('navigator.serviceWorker.ready.then((registration) => registration.scope)');
    expect(new URL(scope).pathname).toBe('/app/');
    await expect.poll(() => page.evaluate<boolean>('navigator.serviceWorker.controller !== null')).toBe(true);

    // Without a signal the shell still opens: the menu, and the filing form.
    await page.waitForLoadState('networkidle');
    await page.context().setOffline(true);
    await page.goto('/app/cases/new');
    await page.getByRole('heading', { name: zhText('nav.file') }).waitFor();
    await expect
      .poll(() =>
        page
          .getByRole('navigation')
          .getByRole('link', { name: zhText('nav.ledger') })
          .count(),
      )
      .toBe(1);
    await page.context().setOffline(false);
  });

  it('files offline with two photos, keeps the draft through a reload and a second tab, and files it once when online again', async () => {
    const title = '离线登记：幸福路井盖缺失';
    const page = await clerkOnPhone();
    await page.goto('/app/cases/new');
    await page.context().setOffline(true);
    await fillFiling(page, { title, category: '市政设施', location: '幸福路12号', urgent: false });
    await page.getByTestId('photo-input').setInputFiles({ name: 'manhole-1.png', mimeType: 'image/png', buffer: PNG_BYTES });
    await page.getByTestId('photo-input').setInputFiles({ name: 'manhole-2.png', mimeType: 'image/png', buffer: PNG_BYTES });
    await page.getByRole('button', { name: zhText('file.submit') }).click();
    await page.waitForURL(/\/app\/cases\/drafts$/);
    await draftTag(page, 'drafts.waiting').waitFor();
    await page.getByText(zhText('drafts.offline')).waitFor();
    await capture(page, 'clerk-drafts-offline-375');

    // Closing and opening the app offline: the draft is still there, waiting.
    await page.reload();
    await draftTag(page, 'drafts.waiting').waitFor();
    const second = await page.context().newPage();
    await second.goto('/app/cases/drafts');
    await draftTag(second, 'drafts.waiting').waitFor();

    // Both tabs see the connection return; one case is filed, with both photos.
    await page.context().setOffline(false);
    await page.getByText(zhText('drafts.empty')).waitFor({ timeout: 30_000 });
    await second.getByText(zhText('drafts.empty')).waitFor({ timeout: 30_000 });
    await second.reload();
    await second.getByText(zhText('drafts.empty')).waitFor();
    const filed = await casesTitled(title);
    expect(filed).toHaveLength(1);
    expect(filed[0]?.attachments.map((a) => a.fileName).sort()).toEqual(['manhole-1.png', 'manhole-2.png']);
  });

  it('gives a filing the API refuses back as a draft, with the field error under its field, and files it once corrected', async () => {
    const title = '离线登记：发现日期有误';
    const page = await clerkOnPhone();
    await page.goto('/app/cases/new');
    await page.context().setOffline(true);
    await fillFiling(page, { title, category: '市政设施', location: '幸福路14号', urgent: false });
    await page.getByLabel(zhText('case.foundOn'), { exact: true }).fill('2999-01-15');
    await page.getByLabel(zhText('case.foundOn'), { exact: true }).press('Tab');
    await page.getByRole('button', { name: zhText('file.submit') }).click();
    await page.waitForURL(/\/app\/cases\/drafts$/);
    await page.context().setOffline(false);
    await draftTag(page, 'drafts.refused').waitFor({ timeout: 30_000 });
    await capture(page, 'clerk-drafts-refused-375');

    await page.getByRole('link', { name: zhText('drafts.edit') }).click();
    const foundOn = page.locator('.ant-form-item', { has: page.getByLabel(zhText('case.foundOn'), { exact: true }) });
    await foundOn.locator('.ant-form-item-explain-error').waitFor();
    await expect.poll(() => page.getByLabel(zhText('case.title'), { exact: true }).inputValue()).toBe(title);
    await page.getByLabel(zhText('case.foundOn'), { exact: true }).fill('2020-01-15');
    await page.getByLabel(zhText('case.foundOn'), { exact: true }).press('Tab');
    await page.getByRole('button', { name: zhText('file.submit') }).click();
    await page.waitForURL(/\/app\/cases\/[0-9a-f-]{36}$/);
    expect(await casesTitled(title)).toHaveLength(1);
    await page.goto('/app/cases/drafts');
    await page.getByText(zhText('drafts.empty')).waitFor();
  });
});
