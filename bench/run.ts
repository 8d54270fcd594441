import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection, WithStartWorkflowOperation } from '@temporalio/client';
import { createApp } from '../api/app.ts';
import { seedDemoData } from '../domain/directory/seed.ts';
import { startDevSmtpServer } from '../infra/dev-smtp.ts';
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
import { FLOOR_TABLE_DDL } from './floor/activities.ts';
import { FLOOR_TASK_QUEUE, floorRecordedUpdate, type floorWorkflow } from './floor/workflow.ts';
import { startCpuMeter, withChildren, type ProcessGroups } from './process-cpu.ts';
import { monotonicMicros, profileThisProcess, summariseProfiles } from './profile.ts';
import { percentile, runAtRate, runConcurrently } from './stats.ts';

/**
 * `npm run bench [-- --cases N --concurrency C --triage N --profile --temporal-address host:port --namespace NS]`:
 * against one PostgreSQL started here and a Temporal dev server started here (or the Temporal
 * server at `--temporal-address`, e.g. the real server on PostgreSQL), measures (1) cases filed per
 * second over HTTP against two references: bare workflow.start of a no-op workflow, and the floor of
 * a filing (bench/floor: update-with-start of a workflow whose Update answers once a local activity
 * wrote one row); and (2) p50/p99 of a triage call idle and under 80 % of the filing rate just
 * measured. Prints the figures and the machine, and writes them to bench/results/latest.json.
 * `--profile` records CPU profiles of the API and of both workers while filings run
 * (.cache/bench-profiles) and prints where the time went.
 */
const option = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const arg = (name: string, fallback: number) => Number(option(name) ?? fallback);
const TOTAL = arg('cases', 400);
const CONCURRENCY = arg('concurrency', 16);
const TRIAGE_SAMPLES = arg('triage', 100);
const PROFILE = process.argv.includes('--profile');
const LOAD_SHARE = 0.8;

const config = loadConfig({ ...childProcessEnv(), LOG_LEVEL: 'silent' });
installTemporalRuntime({ logLevel: 'error', handleSignals: false });
const say = (m: string) => console.log(`[bench] ${m}`);
const cleanups: Array<() => Promise<unknown> | unknown> = [];
let window: { from: number; to: number } | undefined;
let profiledProcesses: Record<number, string> = {};

try {
  const postgres = startLocalPostgres(path.join(config.cacheDir, 'postgres-bench'), await freePort());
  cleanups.push(() => postgres.stop());
  const { url: dbUrl } = await createMigratedDatabase(postgres.url, 'bench', path.join(config.projectRoot, 'prisma', 'migrations'));
  const prisma = createPrisma(dbUrl, { maxConnections: 20 });
  cleanups.push(() => prisma.$disconnect());
  await seedDemoData(prisma, 'bench', 'zh');

  const temporal = await benchTemporal();
  const smtp = await startDevSmtpServer(0, { keep: 10 });
  cleanups.push(() => smtp.close());
  await prisma.$executeRawUnsafe(FLOOR_TABLE_DDL);
  const profileDir = path.join(config.cacheDir, 'bench-profiles');
  if (PROFILE) {
    rmSync(profileDir, { recursive: true, force: true });
    mkdirSync(profileDir, { recursive: true });
  }
  // As in production, the worker is its own process (worker.ts), beside the API's; so is the floor's.
  const spawnWorker = (script: string) => {
    const child = spawn(process.execPath, [...(PROFILE ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []), '--import', 'tsx', script], {
      cwd: config.projectRoot,
      env: childProcessEnv({
        DATABASE_URL: dbUrl,
        TEMPORAL_ADDRESS: temporal.address,
        TEMPORAL_NAMESPACE: temporal.namespace,
        SMTP_URL: smtp.url,
        LOG_LEVEL: 'warn',
      }),
      stdio: 'inherit',
    });
    cleanups.push(async () => {
      child.kill('SIGTERM');
      await once(child, 'exit');
    });
    return child.pid ?? 0;
  };
  const caseWorkerPid = spawnWorker('worker.ts');
  const floorWorkerPid = spawnWorker(path.join('bench', 'floor', 'worker.ts'));
  const postmasterPid = Number(readFileSync(path.join(postgres.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const processes: ProcessGroups = {
    temporalServer: () => (temporal.pid ? [temporal.pid] : []),
    postgres: () => withChildren(postmasterPid),
    caseWorker: () => [caseWorkerPid],
    floorWorker: () => [floorWorkerPid],
    apiAndLoadGenerator: () => [process.pid],
  };
  /** Runs one measured phase, and what each process spent on it in CPU milliseconds per call. */
  const measured = async (total: number, task: (i: number) => Promise<void>) => {
    const stopMeter = startCpuMeter(processes);
    const run = await runConcurrently(total, CONCURRENCY, task);
    const cpuMsPerCall = Object.fromEntries(
      Object.entries(stopMeter()).map(([name, seconds]) => [name, Math.round((seconds * 1000 * 10) / total) / 10]),
    );
    return { ...run, cpuMsPerCall };
  };
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

  // The floor: what a filing must do durably (bench/floor), started the way a filing starts its case.
  const floorOne = async (i: number) => {
    const start = new WithStartWorkflowOperation<typeof floorWorkflow>('floorWorkflow', {
      taskQueue: FLOOR_TASK_QUEUE,
      workflowId: `floor-${randomUUID()}`,
      args: [{ id: randomUUID(), filing: JSON.parse(filingBody(i, false)) as Record<string, unknown> }],
      workflowIdConflictPolicy: 'USE_EXISTING',
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    await client.workflow.executeUpdateWithStart(floorRecordedUpdate, { startWorkflowOperation: start });
  };
  const bareOne = async () =>
    void (await client.workflow.start('benchNoop', { taskQueue: 'bench-noop', workflowId: `noop-${randomUUID()}` }));

  say(`waiting for both workers (each bundles its workflows as it starts)`);
  for (let attempt = 1; ; attempt++) {
    try {
      await Promise.all([fileOne(), floorOne(0)]);
      break;
    } catch (error) {
      if (attempt === 60) throw error;
      await new Promise((r) => setTimeout(r, 2000));
    }
  }
  say(`warming up`);
  await runConcurrently(40, 8, async () => void (await fileOne()));
  await runConcurrently(40, 8, bareOne);
  await runConcurrently(40, 8, floorOne);

  say(`bare workflow.start of a no-op workflow: ${TOTAL} at concurrency ${CONCURRENCY}`);
  const bare = await measured(TOTAL, bareOne);
  say(`  ${(TOTAL / bare.seconds).toFixed(1)}/s`);
  say(`the floor (update-with-start, one row through a local activity, answer): ${TOTAL} at concurrency ${CONCURRENCY}`);
  const floor = await measured(TOTAL, floorOne);
  say(`  ${(TOTAL / floor.seconds).toFixed(1)}/s, p99 ${percentile(floor.latencies, 99).toFixed(0)} ms`);
  say(`cases filed over HTTP (start + first ledger write + reply): ${TOTAL} at concurrency ${CONCURRENCY}`);
  const stopProfile = PROFILE ? await profileThisProcess() : undefined;
  const filingWindow = { from: monotonicMicros(), to: 0 };
  const viaHttp = await measured(TOTAL, async () => void (await fileOne()));
  filingWindow.to = monotonicMicros();
  await stopProfile?.(path.join(profileDir, `CPU.api.0.${process.pid}.0.001.cpuprofile`));
  const httpRate = TOTAL / viaHttp.seconds;
  say(`  ${httpRate.toFixed(1)}/s, p99 ${percentile(viaHttp.latencies, 99).toFixed(0)} ms`);

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
  const loadRate = httpRate * LOAD_SHARE;
  say(`triage (forward) latency while filings arrive at ${loadRate.toFixed(1)}/s (${LOAD_SHARE * 100} % of the rate above)`);
  // At most as many in flight as the maximum was measured with: a load the machine cannot hold shows
  // as a lower rate held, not as a queue that grows until requests time out.
  let loadFailures = 0;
  const load = runAtRate(loadRate, CONCURRENCY, async () => {
    await fileOne().catch(() => void (loadFailures += 1));
  });
  // A few seconds of load first, so the samples see it established.
  await new Promise((r) => setTimeout(r, 3000));
  const underLoad = await runConcurrently(TRIAGE_SAMPLES, 1, (i) => forward(triageTargets[TRIAGE_SAMPLES + i]!));
  const heldLoad = await load.stop();

  const bareRate = TOTAL / bare.seconds;
  const floorRate = TOTAL / floor.seconds;
  const round = (n: number) => Math.round(n * 10) / 10;
  const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
  const results = {
    date: new Date().toISOString(),
    machine: {
      cpu: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      loadAverageAtEnd: os.loadavg().map(round),
      node: process.version,
      temporal: `server ${serverVersion} ${temporal.store}`,
      postgres: execFileSync(path.join(findPostgresBinDir(), 'postgres'), ['--version'], { encoding: 'utf8' }).trim(),
    },
    settings: { cases: TOTAL, concurrency: CONCURRENCY, triageSamples: TRIAGE_SAMPLES, temporalAddress: temporal.address },
    filing: {
      bareStartPerSecond: round(bareRate),
      floorPerSecond: round(floorRate),
      floorP50Ms: round(percentile(floor.latencies, 50)),
      floorP99Ms: round(percentile(floor.latencies, 99)),
      httpFilingPerSecond: round(httpRate),
      httpP50Ms: round(percentile(viaHttp.latencies, 50)),
      httpP99Ms: round(percentile(viaHttp.latencies, 99)),
      ratioToBareStart: ratio(httpRate, bareRate),
      ratioToFloor: ratio(httpRate, floorRate),
      goalRatioToFloor: 0.8,
    },
    // Where the calls' time goes: CPU milliseconds per call of each process, per measured phase.
    cpuMsPerCall: { bareStart: bare.cpuMsPerCall, floor: floor.cpuMsPerCall, httpFiling: viaHttp.cpuMsPerCall },
    triage: {
      idleP50Ms: round(percentile(idle.latencies, 50)),
      idleP99Ms: round(percentile(idle.latencies, 99)),
      loadFilingsPerSecond: round(heldLoad.perSecond),
      loadFilingsFailed: loadFailures,
      loadedP50Ms: round(percentile(underLoad.latencies, 50)),
      loadedP99Ms: round(percentile(underLoad.latencies, 99)),
      loadedToIdleP99: ratio(percentile(underLoad.latencies, 99), percentile(idle.latencies, 99)),
      goalLoadedToIdleP99: 3,
    },
  };
  console.log(JSON.stringify(results, null, 2));
  mkdirSync(path.join(config.projectRoot, 'bench', 'results'), { recursive: true });
  writeFileSync(path.join(config.projectRoot, 'bench', 'results', 'latest.json'), JSON.stringify(results, null, 2) + '\n');
  window = filingWindow;
  profiledProcesses = { [process.pid]: 'api', [caseWorkerPid]: 'case-worker', [floorWorkerPid]: 'floor-worker' };
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup();
}
// The workers write their profiles as they exit, above.
if (PROFILE && window) {
  const profiles = summariseProfiles(path.join(config.cacheDir, 'bench-profiles'), config.projectRoot, window, profiledProcesses);
  console.log(JSON.stringify(profiles, null, 2));
  writeFileSync(path.join(config.projectRoot, 'bench', 'results', 'profile.json'), JSON.stringify(profiles, null, 2) + '\n');
}

/** The Temporal server measured: the one at `--temporal-address`, else a dev server started here (its pid for the CPU meter). */
async function benchTemporal(): Promise<{ address: string; namespace: string; store: string; pid?: number }> {
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
  return {
    address: devServer.address,
    namespace: 'bench',
    store: `in the CLI dev server (${cli.path}), SQLite (WAL)`,
    pid: devServer.pid,
  };
}
