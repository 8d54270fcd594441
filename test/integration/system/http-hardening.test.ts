import { request as httpRequest, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../support/database.ts';
import { filing, newKey, PNG_BYTES } from '../../support/fixtures.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

let sys: TestSystem;
/** The API's clock, moved on by the tests instead of waiting. */
let offsetMs = 0;
const clock = { now: () => new Date(Date.now() + offsetMs) };
const MINUTE = 60_000;

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename, { clock });
});
afterEach(async () => {
  // Every test starts with fresh throttle windows.
  offsetMs += 60 * MINUTE;
  await sys.assertReconciled();
});
afterAll(() => sys?.stop());

const attempt = (email: string, password: string) => sys.http.post('/auth/login').send({ email, password });

describe('login throttling', () => {
  it('refuses an account after 5 wrong passwords, even parallel ones and then the right one, until the window passes', async () => {
    const wrong = await Promise.all(Array.from({ length: 12 }, () => attempt('west@ledger.test', 'not-the-password')));
    const statuses = wrong.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);

    const right = await attempt('west@ledger.test', DEMO_PASSWORD);
    expect(right.status).toBe(429);
    expect(right.body.error.code).toBe('too_many_requests');
    expect(right.body).not.toHaveProperty('token');
    const retryAfter = Number(right.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(14 * 60);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    // Another account from the same address is not held up by West's lock.
    expect((await attempt('edz@ledger.test', DEMO_PASSWORD)).status).toBe(200);

    offsetMs += 10 * MINUTE;
    expect((await attempt('west@ledger.test', DEMO_PASSWORD)).status).toBe(429);
    offsetMs += retryAfter * 1000 - 10 * MINUTE;
    expect((await attempt('west@ledger.test', DEMO_PASSWORD)).status).toBe(200);
  });

  it('refuses an address that tries too many accounts, whatever account it tries next', async () => {
    for (let i = 0; i < 30; i += 1) expect((await attempt(`nobody-${i}@ledger.test`, 'guess')).status).toBe(401);
    const next = await attempt('north@ledger.test', DEMO_PASSWORD);
    expect(next.status).toBe(429);
    expect(Number(next.headers['retry-after'])).toBeGreaterThan(0);
    offsetMs += 16 * MINUTE;
    expect((await attempt('north@ledger.test', DEMO_PASSWORD)).status).toBe(200);
  });

  it('counts the client behind a trusted proxy (TRUST_PROXY) by X-Forwarded-For, and ignores the header otherwise', async () => {
    let guesses = 0;
    const viaProxy = (client: string, http = sys.http) =>
      http
        .post('/auth/login')
        .set('X-Forwarded-For', client)
        .send({ email: `guess-${(guesses += 1)}@ledger.test`, password: 'guess' });
    // Untrusted: whatever address the header names, every attempt is the peer's (this one).
    for (let i = 0; i < 30; i += 1) expect((await viaProxy(`203.0.113.${i}`)).status).toBe(401);
    expect((await viaProxy('203.0.113.99')).status).toBe(429);

    offsetMs += 60 * MINUTE;
    const trusted = sys.httpWith({ config: { ...sys.config, http: { ...sys.config.http, trustProxy: ['loopback'] } } });
    for (let i = 0; i < 30; i += 1) expect((await viaProxy('198.51.100.7', trusted)).status).toBe(401);
    expect((await viaProxy('198.51.100.7', trusted)).status).toBe(429);
    const neighbour = await trusted
      .post('/auth/login')
      .set('X-Forwarded-For', '198.51.100.8')
      .send({ email: 'north@ledger.test', password: DEMO_PASSWORD });
    expect(neighbour.status).toBe(200);
  });

  it('keeps its counters in the database, where every API process finds them', async () => {
    for (let i = 0; i < 3; i += 1) await attempt('city@ledger.test', 'wrong');
    const counter = await sys.db.prisma.loginThrottle.findUniqueOrThrow({ where: { key: 'account:city@ledger.test' } });
    expect(counter.attempts).toBe(3);
  });
});

describe('sessions', () => {
  it('prunes expired sessions when someone logs in', async () => {
    await sys.login('east@ledger.test');
    await sys.login('district@ledger.test');
    expect(await sys.db.prisma.session.count({ where: { expiresAt: { gt: clock.now() } } })).toBeGreaterThanOrEqual(2);
    offsetMs += 481 * MINUTE; // past TOKEN_TTL_MINUTES (480)
    const token = await sys.login('east@ledger.test');
    expect(await sys.db.prisma.session.count({ where: { expiresAt: { lte: clock.now() } } })).toBe(0);
    expect(await sys.db.prisma.session.count()).toBe(1);
    expect((await sys.http.get('/cases').set('Authorization', token)).status).toBe(200);
  });
});

/** Sends the headers and the first part of a body that claims to be `totalBytes` long, and waits for an answer. */
async function answerToPartialUpload(path: string, headers: Record<string, string>, totalBytes: number, sentBytes: number) {
  const server = sys.app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    return await new Promise<{ status: number; headers: IncomingMessage['headers']; body: string }>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port, path, method: 'POST', headers: { ...headers, 'Content-Length': totalBytes } });
      const timer = setTimeout(() => reject(new Error(`no answer while ${totalBytes - sentBytes} bytes were still unsent`)), 5000);
      req.on('response', (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          clearTimeout(timer);
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') });
        });
      });
      req.on('error', () => {}); // the server may close before the rest is sent: that is the point
      req.write(Buffer.alloc(sentBytes));
    });
  } finally {
    server.closeAllConnections();
    server.close();
  }
}

describe('uploads without a token', () => {
  it('are refused with 401 before their body is read', async () => {
    const east = await sys.login('east@ledger.test');
    const filed = await sys.http
      .post('/cases')
      .set('Authorization', east)
      .set('Idempotency-Key', newKey())
      .send(filing({ urgent: true }));
    const answer = await answerToPartialUpload(
      `/cases/${filed.body.id}/attachments`,
      { 'Content-Type': 'image/png', 'X-File-Name': 'big.png' },
      10 * 1024 * 1024,
      64 * 1024,
    );
    expect(answer.status).toBe(401);
    expect(answer.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(answer.headers.connection).toBe('close');
    expect(JSON.parse(answer.body).error.code).toBe('unauthenticated');
  });
});

describe('content encodings', () => {
  it.each(['gzip', 'deflate', 'br', 'x-unknown'])(
    'a body sent with Content-Encoding %s is a 415 on every kind of route',
    async (encoding) => {
      const login = await sys.http
        .post('/auth/login')
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', encoding)
        .send(JSON.stringify({ email: 'east@ledger.test', password: DEMO_PASSWORD }));
      expect(login.status).toBe(415);
      expect(login.body.error.code).toBe('unsupported_media_type');

      const east = await sys.login('east@ledger.test');
      const fileCase = await sys.http
        .post('/cases')
        .set('Authorization', east)
        .set('Idempotency-Key', newKey())
        .set('Content-Type', 'application/json')
        .set('Content-Encoding', encoding)
        .send(JSON.stringify(filing()));
      expect(fileCase.status).toBe(415);
      const upload = await sys.http
        .post('/cases/00000000-0000-4000-8000-000000000000/attachments')
        .set('Authorization', east)
        .set('Content-Type', 'image/png')
        .set('X-File-Name', 'x.png')
        .set('Content-Encoding', encoding)
        .send(PNG_BYTES);
      expect(upload.status).toBe(415);
    },
  );
});

describe('authorization schemes', () => {
  it.each(['Basic eDp5', 'Token abc', 'Bearer', 'Bearer a b', ''])('"%s" is a 401 with WWW-Authenticate: Bearer', async (header) => {
    const res = await sys.http.get('/cases').set('Authorization', header);
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('takes the Bearer scheme in any case (RFC 7235), for reads and for logout', async () => {
    const token = (await sys.login('east@ledger.test')).slice('Bearer '.length);
    expect((await sys.http.get('/cases').set('Authorization', `bearer ${token}`)).status).toBe(200);
    expect((await sys.http.get('/cases').set('Authorization', `BEARER  ${token}`)).status).toBe(200);
    expect((await sys.http.post('/auth/logout').set('Authorization', `bEaReR ${token}`)).status).toBe(204);
    expect((await sys.http.get('/cases').set('Authorization', `Bearer ${token}`)).status).toBe(401);
  });
});

describe('security headers', () => {
  it('go on every answer; nothing is cached; no HSTS over plain HTTP', async () => {
    const east = await sys.login('east@ledger.test');
    const answers = [
      await sys.http.get('/health'),
      await sys.http.get('/cases').set('Authorization', east),
      await sys.http.get('/cases'),
      await attempt('east@ledger.test', DEMO_PASSWORD),
    ];
    for (const res of answers) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy']).toContain("script-src 'self'");
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(res.headers['x-powered-by']).toBeUndefined();
    }
  });
});
