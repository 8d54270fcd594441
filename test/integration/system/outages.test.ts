import net from 'node:net';
import { Client, Connection } from '@temporalio/client';
import type { Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { annex3SettingsOf } from '../../../domain/exports/annex3-export.ts';
import { startQueuedExports, type StarterPolicy } from '../../../domain/exports/starts.ts';
import { freePort } from '../../../infra/free-port.ts';
import { loadConfig } from '../../../lib/config.ts';
import { createPrisma, type Db } from '../../../lib/db.ts';
import { fileAs } from '../../support/case-steps.ts';
import { filing, newKey } from '../../support/fixtures.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

// The API in front of a Temporal or a PostgreSQL that is down: refused connections (a stopped
// server) and a socket that accepts and never answers (a hung one, the case a deadline is for).
let sys: TestSystem;
let silentServer: net.Server;
const silentSockets = new Set<net.Socket>();
let silentPort: number;
let hungTemporal: Client;
let hungDatabase: Db;
let refusedDatabase: Db;
const config = loadConfig({ LOG_LEVEL: 'silent' });
/** "Within a few seconds": the configured deadline plus room for a busy 2-core machine. */
const PROMPTLY_MS = config.temporal.callDeadlineMs + 3_000;

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename);
  silentServer = net.createServer((socket) => void silentSockets.add(socket));
  await new Promise<void>((resolve) => silentServer.listen(0, '127.0.0.1', resolve));
  silentPort = (silentServer.address() as net.AddressInfo).port;
  hungTemporal = new Client({ connection: Connection.lazy({ address: `127.0.0.1:${silentPort}` }), namespace: sys.namespace });
  hungDatabase = createPrisma(`postgresql://ledger:x@127.0.0.1:${silentPort}/ledger`, {
    connectTimeoutMs: config.database.connectTimeoutMs,
  });
  refusedDatabase = createPrisma(`postgresql://ledger:x@127.0.0.1:${await freePort()}/ledger`);
});
afterAll(async () => {
  await hungTemporal?.connection.close();
  await Promise.all([hungDatabase?.$disconnect(), refusedDatabase?.$disconnect()]);
  for (const socket of silentSockets) socket.destroy();
  silentServer?.close();
  await sys?.stop();
});

async function timed(request: () => PromiseLike<Response>) {
  const started = Date.now();
  const res = await request();
  return { res, ms: Date.now() - started };
}

function expectUnavailable({ res, ms }: { res: Response; ms: number }) {
  expect(res.status, JSON.stringify(res.body)).toBe(503);
  expect(res.body.error.code).toBe('service_unavailable');
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(ms).toBeLessThan(PROMPTLY_MS);
}

const policy = (overrides: Partial<StarterPolicy> = {}): StarterPolicy => ({
  graceMs: 0,
  giveUpAfterMs: 60 * 60_000,
  callDeadlineMs: config.temporal.callDeadlineMs,
  ...overrides,
});

describe('Temporal unreachable', () => {
  it('answers 503 with Retry-After within seconds on every path that needs it, and a filing retried with its key lands once', async () => {
    const east = await sys.login('east@ledger.test');
    const district = await sys.login('district@ledger.test');
    const open = await fileAs(sys, east, { urgent: true, title: 'Filed before the outage' });
    const down = sys.httpWith({ temporal: hungTemporal });
    const key = newKey();
    const body = filing({ title: 'Filed during the outage' });

    const [filed, solved, submitted, approved] = await Promise.all([
      timed(() => down.post('/cases').set('Authorization', east).set('Idempotency-Key', key).send(body)),
      timed(() => down.post(`/cases/${open.id}/solve`).set('Authorization', district).send({ resolution: 'Fixed' })),
      timed(() => down.post('/cycles/2026-H2/submission').set('Authorization', east).send({})),
      timed(() => down.post('/cycles/2026-H2/summary/approve').set('Authorization', district).send({ note: 'Checked' })),
    ]);
    for (const outcome of [filed, solved, submitted, approved]) expectUnavailable(outcome);

    // The same key once Temporal answers: one case, and asking again returns it.
    const retried = await sys.http.post('/cases').set('Authorization', east).set('Idempotency-Key', key).send(body);
    expect(retried.status, JSON.stringify(retried.body)).toBe(201);
    const again = await sys.http.post('/cases').set('Authorization', east).set('Idempotency-Key', key).send(body);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(retried.body.id);
    expect(await sys.db.prisma.case.count({ where: { title: 'Filed during the outage' } })).toBe(1);
    expect((await sys.http.get(`/cases/${open.id}`).set('Authorization', district)).body.status).toBe('district_review');
    await sys.assertReconciled();
  });

  it('keeps an export job requested meanwhile queued, starts it once Temporal answers, and fails one it never could start', async () => {
    const district = await sys.login('district@ledger.test');
    const down = sys.httpWith({ temporal: hungTemporal });
    const queued = await timed(() => down.post('/exports/jobs').set('Authorization', district).send({ format: 'csv', lang: 'en' }));
    expect(queued.res.status, JSON.stringify(queued.res.body)).toBe(202);
    expect(queued.res.body.status).toBe('queued');
    expect(queued.ms).toBeLessThan(PROMPTLY_MS);

    const deps = { prisma: sys.db.prisma, settings: annex3SettingsOf(config), clock: { now: () => new Date() } };
    // Still down: the starter leaves a young job waiting.
    expect(await startQueuedExports({ ...deps, temporal: hungTemporal }, policy())).toEqual({ started: 0, waiting: 1, failed: 0 });
    expect(await startQueuedExports({ ...deps, temporal: sys.client }, policy())).toEqual({ started: 1, waiting: 0, failed: 0 });
    await expect
      .poll(async () => (await sys.http.get(`/exports/jobs/${queued.res.body.id}`).set('Authorization', district)).body.status, {
        timeout: 30_000,
      })
      .toBe('completed');

    const stranded = await down.post('/exports/jobs').set('Authorization', district).send({ format: 'csv', lang: 'en' });
    expect(stranded.status).toBe(202);
    const anHourLater = { now: () => new Date(Date.now() + 61 * 60_000) };
    expect(await startQueuedExports({ ...deps, clock: anHourLater, temporal: hungTemporal }, policy())).toEqual({
      started: 0,
      waiting: 0,
      failed: 1,
    });
    const failed = (await sys.http.get(`/exports/jobs/${stranded.body.id}`).set('Authorization', district)).body;
    expect(failed.status).toBe('failed');
    expect(failed.error).toMatch(/could not be started/);
    expect(await sys.db.prisma.exportJob.count({ where: { status: 'queued' } })).toBe(0);
  });
});

describe('PostgreSQL unreachable', () => {
  it('answers reads and logins 503 with Retry-After within seconds, refused or hung', async () => {
    const east = await sys.login('east@ledger.test');
    for (const prisma of [refusedDatabase, hungDatabase]) {
      const down = sys.httpWith({ prisma });
      const [list, login] = await Promise.all([
        timed(() => down.get('/cases').set('Authorization', east)),
        timed(() => down.post('/auth/login').send({ email: 'east@ledger.test', password: 'whatever-it-is' })),
      ]);
      expectUnavailable(list);
      expectUnavailable(login);
    }
  });
});
