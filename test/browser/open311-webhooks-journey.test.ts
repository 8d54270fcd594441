import { createHmac } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { fileAs } from '../support/case-steps.ts';
import { startReceiver, type Receiver } from '../support/receivers.ts';
import { browserStackFor, capture, pickOption, signIn, zhText, zhWord } from './support/browser.ts';

/**
 * The administrators' Open311 and webhook screens, on the real system: deliveries are polled every
 * 100 ms, so a case filed reaches the receiver within the journey.
 */
const stack = browserStackFor(import.meta.filename, () => ({
  configure: (config) => ({ ...config, webhooks: { ...config.webhooks, pollMs: 100 } }),
}));
const receivers: Receiver[] = [];
afterAll(async () => {
  for (const r of receivers) await r.close().catch(() => {});
});

describe('Open311 keys and webhooks, as an admin sees them', () => {
  it('an admin issues an api_key, sees it once, and revokes it by the button its table offers', async () => {
    const page = await stack().newPage();
    await signIn(page, 'admin@ledger.test');
    await page.goto('/app/admin/open311-keys');
    const form = page.locator('form[id="new-key"]');
    await pickOption(page, form, zhText('open311.unit'), 'East Street Office');
    await form.getByLabel(zhText('open311.label')).fill('12345 市民热线');
    await form.getByRole('button', { name: zhText('open311.issue') }).click();

    const dialog = page.getByRole('dialog', { name: zhText('open311.keyTitle') });
    const key = (await dialog.getByTestId('shown-once').textContent())?.trim() ?? '';
    expect(key.length).toBeGreaterThan(20);
    await capture(page, 'admin-open311-key-shown-once');
    // The key works: a keyed GeoReport read of the key's unit.
    const keyed = await stack().sys.http.get('/open311/v2/requests.json').query({ api_key: key });
    expect(keyed.status).toBe(200);

    await dialog.getByRole('button', { name: /确|OK/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const row = page.getByRole('row', { name: /12345 市民热线/ });
    await row.getByText(`${key.slice(0, 8)}`, { exact: false }).waitFor();
    // Shown once: closed, the key is nowhere on the screen (only its first characters).
    expect(await page.getByText(key).count()).toBe(0);
    await capture(page, 'admin-open311-keys');

    await row.getByRole('button', { name: zhWord('apiKeyStep', 'revoke') }).click();
    await page.getByRole('tooltip').getByRole('button', { name: /确|OK/ }).click();
    await row.getByText(zhWord('apiKeyState', 'revoked')).waitFor();
    expect(await row.getByRole('button', { name: zhWord('apiKeyStep', 'revoke') }).count()).toBe(0);
    const refused = await stack().sys.http.get('/open311/v2/requests.json').query({ api_key: key });
    expect(refused.status).toBe(403);
  });

  it('an admin registers a signed webhook, sees a refused delivery and sends it again', async () => {
    // The receiver refuses at first (400 is not retried: the delivery fails), then takes what it is sent.
    const receiver = await startReceiver(() => ({ status: 400, body: '{"error":"not yet"}' }));
    receivers.push(receiver);
    const page = await stack().newPage();
    await signIn(page, 'admin@ledger.test');
    await page.goto('/app/admin/webhooks');
    const form = page.locator('form[id="new-webhook"]');
    await pickOption(page, form, zhText('webhooks.unit'), 'East Street Office');
    await form.getByLabel(zhText('webhooks.label')).fill('东街值班群');
    await pickOption(page, form, zhText('webhooks.format'), zhWord('webhookFormat', 'json'));
    await form.getByLabel(zhText('webhooks.url')).fill(`${receiver.url}/ledger`);
    await form.getByLabel(zhWord('webhookEvent', 'filed')).check();
    await form.getByRole('button', { name: zhText('webhooks.register') }).click();

    const dialog = page.getByRole('dialog', { name: zhText('webhooks.secretTitle') });
    const secret = (await dialog.getByTestId('shown-once').textContent())?.trim() ?? '';
    expect(secret.length).toBeGreaterThan(20);
    await capture(page, 'admin-webhook-secret-shown-once');
    await dialog.getByRole('button', { name: /确|OK/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await page.getByText(secret).count()).toBe(0);

    const east = await stack().sys.login('east@ledger.test');
    await fileAs(stack().sys, east, { title: '推送：东街路灯不亮', category: '市政设施' });

    const row = page.getByRole('row', { name: /东街值班群/ });
    await row.getByRole('button', { name: zhText('webhooks.deliveries') }).click();
    const drawer = page.getByRole('dialog', { name: /东街值班群/ });
    const delivery = drawer.getByRole('row', { name: /推送：东街路灯不亮/ });
    await delivery.getByText(zhWord('deliveryState', 'failed')).waitFor({ timeout: 30_000 });
    await capture(page, 'admin-webhook-delivery-failed');

    receiver.answer(() => ({ status: 200 }));
    await delivery.getByRole('button', { name: zhWord('deliveryStep', 'resend') }).click();
    await delivery.getByText(zhWord('deliveryState', 'delivered')).waitFor({ timeout: 30_000 });
    await capture(page, 'admin-webhook-delivered');

    // The receiver took it once, signed with the secret the screen showed.
    expect(receiver.received).toHaveLength(1);
    const [taken] = receiver.received;
    const timestamp = String(taken!.headers['x-ledger-timestamp']);
    const signature = createHmac('sha256', secret).update(`${timestamp}.${taken!.body}`).digest('hex');
    expect(taken!.headers['x-ledger-signature']).toBe(`v1=${signature}`);
    expect(JSON.parse(taken!.body)).toMatchObject({ type: 'filed', case: { title: '推送：东街路灯不亮' } });
  });
});
