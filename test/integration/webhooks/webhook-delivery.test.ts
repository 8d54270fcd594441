import { createHmac, timingSafeEqual } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedId } from '../../../domain/directory/seed.ts';
import { fileAs, stepOk } from '../../support/case-steps.ts';
import { eventually, startReceiver, type Received, type Receiver } from '../../support/receivers.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

/**
 * Webhooks against local receivers, on the real Temporal dev server and PostgreSQL: retries are made
 * short in this file's configuration (0.2 s, doubling to 1 s) so an outage passes in seconds.
 */
let sys: TestSystem;
let admin: string, east: string, west: string, district: string;
const receivers: Receiver[] = [];

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename, {
    configure: (config) => ({
      ...config,
      webhooks: {
        ...config.webhooks,
        pollMs: 100,
        delivery: { ...config.webhooks.delivery, retryInitialMs: 200, retryMaxMs: 1_000, timeoutMs: 2_000 },
      },
    }),
  });
  [admin, east, west, district] = (await Promise.all(
    ['admin@ledger.test', 'east@ledger.test', 'west@ledger.test', 'district@ledger.test'].map((e) => sys.login(e)),
  )) as [string, string, string, string];
});
afterAll(async () => {
  for (const r of receivers) await r.close().catch(() => {});
  await sys?.stop();
});

async function receiver(...args: Parameters<typeof startReceiver>) {
  const r = await startReceiver(...args);
  receivers.push(r);
  return r;
}

async function register(body: Record<string, unknown>) {
  const res = await sys.http
    .post('/webhooks')
    .set('Authorization', admin)
    .send({ label: 'test', format: 'json', ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; secret?: string; allowedActions: string[] };
}

const deliveries = async (webhookId: string) =>
  (await sys.http.get(`/webhooks/${webhookId}/deliveries`).query({ limit: 100 }).set('Authorization', admin)).body.items as Array<{
    id: string;
    eventId: string;
    eventType: string;
    state: string;
    attempts: number;
    lastStatus: number | null;
    lastError: string | null;
    allowedActions: string[];
  }>;

/** What a receiver does with the JSON format: check the signature over timestamp and raw body, in constant time. */
function verifies(request: Received, secret: string): boolean {
  const timestamp = Number(request.headers['x-ledger-timestamp']);
  const expected = `v1=${createHmac('sha256', secret).update(`${timestamp}.${request.body}`).digest('hex')}`;
  const given = String(request.headers['x-ledger-signature'] ?? '');
  const fresh = Math.abs(Date.now() / 1000 - timestamp) < 300;
  return fresh && given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}
const events = (r: Receiver) =>
  r.received.map((request) => JSON.parse(request.body) as { id: string; type: string; case?: { id: string } });

describe('JSON webhooks, signed', () => {
  it('tell a unit’s and its district’s receivers of a case’s events in order, signed; another unit hears nothing', async () => {
    const mine = await receiver();
    const theDistrict = await receiver();
    const theirs = await receiver();
    const hook = await register({ unitId: seedId('ST-EAST'), url: `${mine.url}/ledger`, events: ['filed', 'forwarded'] });
    const districtHook = await register({ unitId: seedId('DIST'), url: theDistrict.url, events: ['forwarded'] });
    await register({ unitId: seedId('ST-WEST'), url: theirs.url, events: ['filed', 'forwarded'] });
    expect(hook.secret).toMatch(/^whsec_/);
    expect(hook.allowedActions).toEqual(['disable']);

    const filed = await fileAs(sys, east, { urgent: true, title: 'Webhook: forwarded case' });
    await stepOk(sys, district, filed.id, 'forward', { summary: 'needs the city' });
    await eventually(
      () => events(mine),
      (e) => e.length >= 2,
    );
    await eventually(
      () => events(theDistrict),
      (e) => e.length >= 1,
    );
    expect(events(mine).map((e) => [e.type, e.case?.id])).toEqual([
      ['filed', filed.id],
      ['forwarded', filed.id],
    ]);
    for (const request of mine.received) {
      expect(verifies(request, hook.secret!)).toBe(true);
      expect(request.headers['x-ledger-event-id']).toBe(JSON.parse(request.body).id);
      expect(request.path).toBe('/ledger');
    }
    // A tampered body does not verify.
    expect(verifies({ ...mine.received[0]!, body: `${mine.received[0]!.body} ` }, hook.secret!)).toBe(false);
    expect(verifies(mine.received[0]!, 'whsec_someone-else')).toBe(false);
    expect(events(theDistrict)).toMatchObject([
      { type: 'forwarded', case: { id: filed.id, number: filed.number, title: 'Webhook: forwarded case' } },
    ]);
    expect(events(theDistrict)[0]!.id).toBe(events(mine)[1]!.id);
    expect(theirs.received).toEqual([]);
    await eventually(
      () => deliveries(districtHook.id),
      (d) => d.length === 1 && d[0]!.state === 'delivered',
    );
  });

  it('delivers everything to a receiver that was down, once per event id, each case’s events in order', async () => {
    const late = await receiver();
    await late.down();
    const hook = await register({ unitId: seedId('ST-WEST'), url: late.url, events: ['filed', 'returned', 'resolved'] });
    const cases: Array<{ id: string }> = [];
    for (let i = 0; i < 4; i++) cases.push(await fileAs(sys, west, { urgent: true, title: `Webhook outage case ${i}` }));
    await stepOk(sys, district, cases[0]!.id, 'return', { questions: 'which lamp posts?' });
    await stepOk(sys, district, cases[1]!.id, 'solve', { resolution: 'fixed by the district' });
    // Down: every delivery is pending; each case's first is tried again and again, its later ones wait behind it.
    const failing = await eventually(
      () => deliveries(hook.id),
      (d) => d.length === 6 && d.filter((x) => x.eventType === 'filed').every((x) => x.attempts >= 2),
    );
    expect(failing.every((d) => d.state === 'pending')).toBe(true);
    expect(failing.filter((d) => d.eventType === 'filed').every((d) => d.lastError === 'no connection')).toBe(true);
    expect(failing.filter((d) => d.eventType !== 'filed').map((d) => d.attempts)).toEqual([0, 0]);

    await late.up();
    await eventually(
      () => events(late),
      (e) => e.length >= 6,
    );
    await eventually(
      () => deliveries(hook.id),
      (d) => d.every((x) => x.state === 'delivered'),
    );
    // Give a straggling retry the time to arrive, if there were one.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const got = events(late);
    const ids = got.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.sort()).toEqual(failing.map((d) => d.eventId).sort());
    for (const [index, step] of [
      [0, 'returned'],
      [1, 'resolved'],
    ] as const) {
      expect(got.filter((e) => e.case?.id === cases[index]!.id).map((e) => e.type)).toEqual(['filed', step]);
    }
  });

  it('marks a delivery the receiver refuses as failed, visible to the admin, and sends it again on request', async () => {
    const strict = await receiver(() => ({ status: 400, body: '{"error":"unknown field"}' }));
    const hook = await register({ unitId: seedId('ST-EAST'), url: strict.url, events: ['filed'] });
    const filed = await fileAs(sys, east, { title: 'Webhook: refused at first' });
    const [failed] = await eventually(
      () => deliveries(hook.id),
      (d) => d.length === 1 && d[0]!.state === 'failed',
    );
    expect(failed).toMatchObject({ attempts: 1, lastStatus: 400, lastError: 'answered 400', allowedActions: ['resend'] });
    const list = await sys.http.get('/webhooks').query({ limit: 100 }).set('Authorization', admin);
    expect(list.body).toMatchObject({ total: list.body.items.length, limit: 100, offset: 0 });
    expect(list.body.items.find((w: { id: string }) => w.id === hook.id)).toMatchObject({ deliveries: { failed: 1, pending: 0 } });

    strict.answer(() => ({ status: 204 }));
    const resend = () =>
      sys.http
        .post(`/webhooks/${hook.id}/deliveries/${failed!.id}/resend`)
        .set('Authorization', admin)
        .set('Idempotency-Key', `resend-${failed!.id}`);
    const resent = await resend();
    expect(resent.status, JSON.stringify(resent.body)).toBe(200);
    expect(resent.body).toMatchObject({ state: 'pending', allowedActions: [] });
    // The same click sent again (a lost answer) is answered as the first, not refused as a second send.
    const repeated = await resend();
    expect(repeated.status).toBe(200);
    expect(repeated.headers['idempotent-replayed']).toBe('true');
    await eventually(
      () => deliveries(hook.id),
      (d) => d[0]!.state === 'delivered',
    );
    expect(events(strict)).toMatchObject([{ id: failed!.eventId, case: { id: filed.id } }]);
    expect((await sys.http.post(`/webhooks/${hook.id}/deliveries/${failed!.id}/resend`).set('Authorization', east)).status).toBe(403);
  });

  it('is disabled and enabled by admins only; a disabled webhook hears of nothing', async () => {
    const quiet = await receiver();
    const hook = await register({ unitId: seedId('ST-EAST'), url: quiet.url, events: ['filed'] });
    expect((await sys.http.post(`/webhooks/${hook.id}/disable`).set('Authorization', east)).status).toBe(403);
    const disabled = await sys.http.post(`/webhooks/${hook.id}/disable`).set('Authorization', admin);
    expect(disabled.body).toMatchObject({ state: 'disabled', allowedActions: ['enable'] });
    expect((await sys.http.post(`/webhooks/${hook.id}/disable`).set('Authorization', admin)).status).toBe(409);
    await fileAs(sys, east, { title: 'Webhook: while disabled' });
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(quiet.received).toEqual([]);
    expect((await sys.http.post(`/webhooks/${hook.id}/enable`).set('Authorization', admin)).body).toMatchObject({ state: 'active' });
    await fileAs(sys, east, { title: 'Webhook: enabled again' });
    await eventually(
      () => events(quiet),
      (e) => e.length === 1,
    );
  });

  it('refuses what it cannot register', async () => {
    const post = (body: Record<string, unknown>, token = admin) => sys.http.post('/webhooks').set('Authorization', token).send(body);
    const valid = { unitId: seedId('ST-EAST'), label: 'x', url: 'https://example.test/hook', format: 'json', events: ['filed'] };
    expect((await post(valid, east)).status).toBe(403);
    expect((await post({ ...valid, url: 'ftp://example.test/hook' })).status).toBe(400);
    expect((await post({ ...valid, events: ['everything'] })).status).toBe(400);
    expect((await post({ ...valid, secret: 'mine' })).body.error.fields).toEqual([
      { path: 'body.secret', message: 'only a DingTalk robot takes a secret; a JSON webhook gets one generated' },
    ]);
    expect((await post({ ...valid, unitId: '00000000-0000-4000-8000-000000000000' })).status).toBe(400);
    const inChinese = await post({ ...valid, secret: 'mine' }).set('Accept-Language', 'zh-CN');
    expect(inChinese.body.error.fields[0].message).toBe('只有钉钉群机器人需要填写加签密钥；JSON 推送的密钥由系统生成');
  });

  it('keeps a JSON webhook’s secret out of the answer a retry with the same Idempotency-Key gets', async () => {
    const send = () =>
      sys.http
        .post('/webhooks')
        .set('Authorization', admin)
        .set('Idempotency-Key', 'register-webhook-retry-1')
        .send({ unitId: seedId('ST-EAST'), label: 'registered once', url: 'https://example.test/once', format: 'json', events: ['filed'] });
    const first = await send();
    expect(first.status).toBe(201);
    expect(first.body.secret).toMatch(/^whsec_/);
    const again = await send();
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toMatchObject({ id: first.body.id, signed: true });
    expect(again.body.secret).toBeUndefined();
    const kept = await sys.db.prisma.$queryRaw<Array<{ response: unknown }>>`SELECT response FROM idempotency_keys`;
    expect(JSON.stringify(kept)).not.toContain(first.body.secret);
  });
});
