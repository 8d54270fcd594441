import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../api/app.ts';
import { seedDemoData } from '../domain/seed.ts';
import { startDevSmtpServer } from '../infra/dev-smtp.ts';
import { startEntryProcess } from '../infra/entry-process.ts';
import { freePort } from '../infra/free-port.ts';
import { createMigratedDatabase, findPostgresBinDir, startLocalPostgres } from '../infra/postgres.ts';
import { requireTemporalCli } from '../infra/temporal-cli.ts';
import { startTemporalDevServer } from '../infra/temporal-dev-server.ts';
import { systemClock } from '../lib/clock.ts';
import { childProcessEnv, loadConfig } from '../lib/config.ts';
import { createPrisma } from '../lib/db.ts';
import { createLogger } from '../lib/logger.ts';
import { createLocalDirectoryStorage } from '../lib/storage.ts';
import { installTemporalRuntime } from '../lib/temporal-runtime.ts';
import { percentile, runConcurrently } from './stats.ts';

/**
 * `npm run bench [-- --cases N --concurrency C --triage N --temporal-address host:port --namespace NS]`:
 * against one PostgreSQL started here and a Temporal dev server started here (or the Temporal
 * server at `--temporal-address`, e.g. the real server on PostgreSQL), measures (1) cases filed per
 * second over HTTP against bare workflow.start of a no-op workflow, and (2) p50/p99 of a triage call
 * idle and while filings run. Prints the figures and the machine, and writes them to
 * bench/results/latest.json.
 */
const option = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const arg = (name: string, fallback: number) => Number(option(name) ?? fallback);
const TOTAL = arg('cases', 400);
const CONCURRENCY = arg('concurrency', 16);
const TRIAGE_SAMPLES = arg('triage', 100);

const config = loadConfig({ ...childProcessEnv(), LOG_LEVEL: 'silent' });
installTemporalRuntime({ logLevel: 'error', handleSignals: false });
const say = (m: string) => console.log(`[bench] ${m}`);
const cleanups: Array<() => Promise<unknown> | unknown> = [];

try {
  const postgres = startLocalPostgres(path.join(config.cacheDir, 'postgres-bench'), await freePort());
  cleanups.push(() => postgres.stop());
  const { url: dbUrl } = await createMigratedDatabase(postgres.url, 'bench', path.join(config.projectRoot, 'prisma', 'migrations'));
  const prisma = createPrisma(dbUrl, { maxConnections: 20 });
  cleanups.push(() => prisma.$disconnect());
  await seedDemoData(prisma, 'bench');

  const temporal = await benchTemporal();
  const smtp = await startDevSmtpServer(0, { keep: 10 });
  cleanups.push(() => smtp.close());
  // As in production, the worker is its own process (worker.ts), beside the API's; filing starts once it polls.
  const worker = await startEntryProcess(
    'start:worker',
    {
      DATABASE_URL: dbUrl,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: temporal.namespace,
      SMTP_URL: smtp.url,
      LOG_LEVEL: 'info',
    },
    'worker polling',
  );
  cleanups.push(() => worker.stop());
  const connection = await Connection.connect({ address: temporal.address });
  cleanups.push(() => connection.close());
  const client = new Client({ connection, namespace: temporal.namespace });
  const { serverVersion } = await connection.workflowService.getSystemInfo({});
  const app = createApp({
    config,
    prisma,
    temporal: client,
    logger: createLogger('silent'),
    clock: systemClock,
    storage: createLocalDirectoryStorage(path.join(config.cacheDir, 'bench-attachments')),
  });
  const http = app.listen(0, '127.0.0.1');
  await once(http, 'listening');
  cleanups.push(() => new Promise((r) => http.close(r)));
  const address = http.address();
  const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;

  const login = async (email: string) => {
    const res = await fetch(`${base}/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: 'bench' }),
    });
    return `Bearer ${((await res.json()) as { token: string }).token}`;
  };
  const east = await login('east@ledger.test');
  const district = await login('district@ledger.test');
  const filingBody = (i: number, urgent: boolean) =>
    JSON.stringify({
      kind: 'hard_problem',
      urgent,
      title: `Benchmark case ${i}`,
      description: 'Benchmark',
      category: `bench-${i % 50}`,
      location: `Bench Road ${i}`,
      foundOn: '2026-11-01',
      triedLocally: 'nothing',
      helpNeeded: 'everything',
      reporter: { name: 'Bench' },
    });
  let filed = 0;
  const fileOne = async (urgent = false) => {
    const i = filed++;
    const res = await fetch(`${base}/cases`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: east, 'idempotency-key': `bench-${Date.now()}-${i}` },
      body: filingBody(i, urgent),
    });
    if (res.status !== 201) throw new Error(`filing failed: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  };

  say(`warming up`);
  await runConcurrently(40, 8, async () => void (await fileOne()));
  await runConcurrently(
    40,
    8,
    async (i) => void (await client.workflow.start('benchNoop', { taskQueue: 'bench-noop', workflowId: `warm-${i}-${Date.now()}` })),
  );

  say(`bare workflow.start of a no-op workflow: ${TOTAL} at concurrency ${CONCURRENCY}`);
  const bare = await runConcurrently(
    TOTAL,
    CONCURRENCY,
    async (i) => void (await client.workflow.start('benchNoop', { taskQueue: 'bench-noop', workflowId: `noop-${i}-${Date.now()}` })),
  );
  say(`cases filed over HTTP (start + first ledger write + reply): ${TOTAL} at concurrency ${CONCURRENCY}`);
  const viaHttp = await runConcurrently(TOTAL, CONCURRENCY, async () => void (await fileOne()));

  const triageTargets: string[] = [];
  for (let i = 0; i < TRIAGE_SAMPLES * 2; i++) triageTargets.push(await fileOne(true));
  const forward = async (id: string) => {
    const res = await fetch(`${base}/cases/${id}/forward`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: district },
      body: JSON.stringify({ summary: 'bench' }),
    });
    if (res.status !== 200) throw new Error(`forward failed: ${res.status} ${await res.text()}`);
  };
  say(`triage (forward) latency, idle: ${TRIAGE_SAMPLES} calls one at a time`);
  const idle = await runConcurrently(TRIAGE_SAMPLES, 1, (i) => forward(triageTargets[i]!));
  say(`triage (forward) latency under a filing load at concurrency ${CONCURRENCY}`);
  let loading = true;
  const load = runConcurrently(100_000, CONCURRENCY, async () => {
    if (loading) await fileOne();
  });
  const underLoad = await runConcurrently(TRIAGE_SAMPLES, 1, (i) => forward(triageTargets[TRIAGE_SAMPLES + i]!));
  loading = false;
  await load;

  const bareRate = TOTAL / bare.seconds;
  const httpRate = TOTAL / viaHttp.seconds;
  const round = (n: number) => Math.round(n * 10) / 10;
  const results = {
    date: new Date().toISOString(),
    machine: {
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
      temporal: `server ${serverVersion} ${temporal.store}`,
      postgres: execFileSync(path.join(findPostgresBinDir(), 'postgres'), ['--version'], { encoding: 'utf8' }).trim(),
    },
    settings: { cases: TOTAL, concurrency: CONCURRENCY, triageSamples: TRIAGE_SAMPLES, temporalAddress: temporal.address },
    filing: {
      bareStartPerSecond: round(bareRate),
      httpFilingPerSecond: round(httpRate),
      ratio: Math.round((httpRate / bareRate) * 100) / 100,
      httpP50Ms: round(percentile(viaHttp.latencies, 50)),
      httpP99Ms: round(percentile(viaHttp.latencies, 99)),
    },
    triage: {
      idleP50Ms: round(percentile(idle.latencies, 50)),
      idleP99Ms: round(percentile(idle.latencies, 99)),
      loadedP50Ms: round(percentile(underLoad.latencies, 50)),
      loadedP99Ms: round(percentile(underLoad.latencies, 99)),
    },
  };
  console.log(JSON.stringify(results, null, 2));
  mkdirSync(path.join(config.projectRoot, 'bench', 'results'), { recursive: true });
  writeFileSync(path.join(config.projectRoot, 'bench', 'results', 'latest.json'), JSON.stringify(results, null, 2) + '\n');
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup();
}

/** The Temporal server named by `--temporal-address`, else a dev server of the bench's own. */
async function benchTemporal(): Promise<{ address: string; namespace: string; store: string }> {
  const address = option('temporal-address');
  if (address) return { address, namespace: option('namespace') ?? 'default', store: `at ${address}` };
  const cli = requireTemporalCli(config, say);
  const devServer = await startTemporalDevServer({
    cliPath: cli.path,
    port: await freePort(),
    namespaces: ['bench'],
    dbFile: path.join(config.cacheDir, 'bench-temporal', `${Date.now()}.sqlite`),
    logFile: path.join(config.cacheDir, 'logs', 'bench-temporal.log'),
  });
  cleanups.push(() => devServer.stop());
  return { address: devServer.address, namespace: 'bench', store: `in the CLI dev server (${cli.path}), SQLite (WAL)` };
}
