import { describe, expect, it } from 'vitest';
import { browserStackFor, signIn, zhText } from './support/browser.ts';

const stack = browserStackFor(import.meta.filename);

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
});
