import { once } from 'node:events';
import { createServer } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createApp } from '../api/app.ts';
import { seedDemoData, seedId } from '../domain/directory/seed.ts';
import { startDevSmtpServer } from '../infra/dev-smtp.ts';
import { freePort } from '../infra/free-port.ts';
import { createMigratedDatabase, startLocalPostgres } from '../infra/postgres.ts';
import { requireTemporalCli } from '../infra/temporal-cli.ts';
import { startTemporalDevServer } from '../infra/temporal-dev-server.ts';
import { systemClock } from '../lib/clock.ts';
import { childProcessEnv, loadConfig } from '../lib/config.ts';
import { createPrisma } from '../lib/db.ts';
import { createLogger } from '../lib/logger.ts';
import { createMailer } from '../lib/mailer.ts';
import { createLocalDirectoryStorage } from '../lib/storage.ts';
import { installTemporalRuntime } from '../lib/temporal-runtime.ts';
import { createCaseWorker } from '../worker.ts';
import { percentile, runConcurrently } from './stats.ts';

/**
 * `npm run bench:webhooks [-- --cases N --concurrency C --webhooks W]`: figures for outbound webhooks,
 * not a timed test. One PostgreSQL and one Temporal dev server started here, the worker and the API in
 * this process, W JSON webhooks of the district on one local receiver. Cases are filed over HTTP at
 * concurrency C; every filing is an event for each webhook. Printed beside their goals: deliveries per
 * second while the filings run, and the delay from the event (its `occurredAt`, the workflow's clock) to
 * its arrival at the receiver, p50 and p99, under that filing load; also to bench/results/webhooks.json.
 * The settings are the configuration's (WEBHOOK_FEED_POLL_MS, the feed's wait once it has caught up, is
 * most of an idle delay).
 */
const option = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const CASES = option('cases', 200);
const CONCURRENCY = option('concurrency', 8);
const WEBHOOKS = option('webhooks', 2);
const GOALS = { delayP99Ms: 5_000, keepsUp: 'deliveries per second ≥ events per second of the load' };

const config = loadConfig({ ...childProcessEnv(), LOG_LEVEL: 'silent' });
installTemporalRuntime({ logLevel: 'error', handleSignals: false });
const say = (m: string) => console.log(`[bench:webhooks] ${m}`);
const cleanups: Array<() => Promise<unknown> | unknown> = [];

try {
  const postgres = startLocalPostgres(path.join(config.cacheDir, 'postgres-bench-webhooks'), await freePort());
  cleanups.push(() => postgres.stop());
  const { url } = await createMigratedDatabase(
    postgres.url,
    `bench_webhooks_${Date.now()}`,
    path.join(config.projectRoot, 'prisma', 'migrations'),
  );
  const prisma = createPrisma(url, { maxConnections: 20 });
  cleanups.push(() => prisma.$disconnect());
  await seedDemoData(prisma, 'bench', 'zh');

  const cli = requireTemporalCli(config, say);
  const temporalServer = await startTemporalDevServer({
    cliPath: cli.path,
    port: await freePort(),
    namespaces: ['bench'],
    dbFile: path.join(config.cacheDir, 'bench-temporal', `webhooks-${Date.now()}.sqlite`),
    logFile: path.join(config.cacheDir, 'logs', 'bench-webhooks-temporal.log'),
  });
  cleanups.push(() => temporalServer.stop());
  const connection = await Connection.connect({ address: temporalServer.address });
  cleanups.push(() => connection.close());
  const temporal = new Client({ connection, namespace: 'bench' });
  const smtp = await startDevSmtpServer(0, { keep: 10 });
  cleanups.push(() => smtp.close());
  const mailer = createMailer(smtp.url, config.mail.from);
  cleanups.push(() => mailer.close());
  const storage = createLocalDirectoryStorage(path.join(config.cacheDir, 'bench-webhook-files'));

  const nativeConnection = await NativeConnection.connect({ address: temporalServer.address });
  cleanups.push(() => nativeConnection.close());
  const worker = await createCaseWorker({
    connection: nativeConnection,
    namespace: 'bench',
    deps: { prisma, mailer, clock: systemClock, storage, temporal, districtTime: config.districtTime, notices: config.notices },
  });
  const running = worker.run();
  cleanups.push(async () => {
    worker.shutdown();
    await running;
  });

  // The receiver: the arrival of each event id, once (a repeat is counted apart).
  const arrivals = new Map<string, { at: number; occurredAt: number }>();
  let repeats = 0;
  const receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const at = Date.now();
      const event = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: string; occurredAt: string };
      const key = `${req.url} ${event.id}`;
      if (arrivals.has(key)) repeats += 1;
      else arrivals.set(key, { at, occurredAt: Date.parse(event.occurredAt) });
      res.writeHead(204).end();
    });
  }).listen(0, '127.0.0.1');
  await once(receiver, 'listening');
  cleanups.push(() => new Promise((resolve) => receiver.close(resolve)));
  const receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;

  const app = createApp({ config, prisma, temporal, logger: createLogger('silent'), clock: systemClock, storage });
  const http = app.listen(0, '127.0.0.1');
  await once(http, 'listening');
  cleanups.push(() => new Promise((resolve) => http.close(resolve)));
  const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
  const login = async (email: string) => {
    const res = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'bench' }),
    });
    return `Bearer ${((await res.json()) as { token: string }).token}`;
  };
  const [admin, east] = [await login('admin@ledger.test'), await login('east@ledger.test')];
  for (let w = 0; w < WEBHOOKS; w++) {
    const res = await fetch(`${base}/webhooks`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: admin },
      body: JSON.stringify({
        unitId: seedId('DIST'),
        label: `bench ${w}`,
        url: `${receiverUrl}/hook-${w}`,
        format: 'json',
        events: ['filed'],
      }),
    });
    if (res.status !== 201) throw new Error(`registering a webhook failed: ${res.status} ${await res.text()}`);
  }
  let filed = 0;
  const fileOne = async () => {
    const i = filed++;
    const res = await fetch(`${base}/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: east, 'idempotency-key': `bench-webhooks-${i}` },
      body: JSON.stringify({
        kind: 'hard_problem',
        urgent: true,
        title: `Webhook benchmark case ${i}`,
        description: 'Benchmark',
        category: 'bench',
        location: `Bench Road ${i}`,
        foundOn: '2026-11-01',
        triedLocally: 'nothing',
        helpNeeded: 'everything',
        reporter: { name: 'Bench' },
      }),
    });
    if (res.status !== 201) throw new Error(`filing failed: ${res.status} ${await res.text()}`);
  };

  say(`warming up (the worker bundles its workflows as it starts)`);
  for (let attempt = 1; ; attempt++) {
    try {
      await fileOne();
      break;
    } catch (error) {
      if (attempt === 60) throw error;
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  const expected = (n: number) => n * WEBHOOKS;
  while (arrivals.size < expected(1)) await new Promise((r) => setTimeout(r, 100));
  const warmed = arrivals.size;

  say(`filing ${CASES} cases at concurrency ${CONCURRENCY}; ${WEBHOOKS} webhook(s) hear of each`);
  const load = await runConcurrently(CASES, CONCURRENCY, fileOne);
  const loadEnded = Date.now();
  const deadline = Date.now() + 5 * 60_000;
  while (arrivals.size < warmed + expected(CASES) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const measured = [...arrivals.values()].slice(warmed);
  const delays = measured.map((a) => a.at - a.occurredAt).sort((a, b) => a - b);
  const first = Math.min(...measured.map((a) => a.occurredAt));
  const last = Math.max(...measured.map((a) => a.at));
  const round = (n: number) => Math.round(n * 10) / 10;
  const results = {
    date: new Date().toISOString(),
    machine: {
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      loadAverageAtEnd: os.loadavg().map(round),
      node: process.version,
    },
    settings: { cases: CASES, concurrency: CONCURRENCY, webhooks: WEBHOOKS, feedPollMs: config.webhooks.pollMs },
    filingsPerSecond: round(CASES / load.seconds),
    eventsPerSecondOffered: round((CASES * WEBHOOKS) / load.seconds),
    deliveries: measured.length,
    missing: expected(CASES) - measured.length,
    repeats,
    deliveriesPerSecond: round((measured.length * 1000) / Math.max(1, last - first)),
    drainAfterLoadMs: Math.max(0, last - loadEnded),
    delayP50Ms: round(percentile(delays, 50)),
    delayP99Ms: round(percentile(delays, 99)),
    delayMaxMs: round(delays.at(-1) ?? 0),
    goals: GOALS,
  };
  mkdirSync(path.join(config.projectRoot, 'bench', 'results'), { recursive: true });
  writeFileSync(path.join(config.projectRoot, 'bench', 'results', 'webhooks.json'), JSON.stringify(results, null, 2));
  const row = (name: string, value: string, goal: string) => console.log(`  ${name.padEnd(44)} ${value.padEnd(16)} ${goal}`);
  console.log(`\n  ${'measure'.padEnd(44)} ${'figure'.padEnd(16)} goal`);
  row('filings per second (the load)', `${results.filingsPerSecond}/s`, '');
  row('events offered per second (filings × webhooks)', `${results.eventsPerSecondOffered}/s`, '');
  row('deliveries per second (first event to last arrival)', `${results.deliveriesPerSecond}/s`, `≥ ${results.eventsPerSecondOffered}/s`);
  row('delay from event to delivery, p50', `${results.delayP50Ms} ms`, '');
  row('delay from event to delivery, p99', `${results.delayP99Ms} ms`, `≤ ${GOALS.delayP99Ms} ms`);
  row('delay, max', `${results.delayMaxMs} ms`, '');
  row('delivered / missing / repeats', `${results.deliveries} / ${results.missing} / ${results.repeats}`, 'missing 0');
  console.log(`\n  load average ${results.machine.loadAverageAtEnd.join(' ')} on ${results.machine.cores} cores`);
  if (results.missing > 0) process.exitCode = 1;
} finally {
  for (const cleanup of cleanups.reverse()) await Promise.resolve(cleanup()).catch(() => {});
}
