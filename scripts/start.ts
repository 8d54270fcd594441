import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { createTemporalClient } from '../domain/temporal-client.ts';
import { NativeConnection } from '@temporalio/worker';
import { listen } from '../api/server.ts';
import { allSchedules, ensureSchedules, schedulesReport } from '../domain/system/schedules.ts';
import { ensureWebhookFeed } from '../domain/webhooks/webhooks.ts';
import { DEMO_USERS, seedDemoData, seedDemoLeaders } from '../domain/directory/seed.ts';
import { shipNationalHolidays } from '../domain/calendar/calendar.ts';
import { seedDemoParty } from '../domain/party/demo-seed.ts';
import { startDevSmtpServer } from '../infra/dev-smtp.ts';
import { startEmbeddedPostgres } from '../infra/embedded-postgres.ts';
import { supervise } from '../infra/supervisor.ts';
import { freePort } from '../infra/free-port.ts';
import { startConfiguredDevServer } from '../infra/temporal-dev-server.ts';
import { systemClock } from '../lib/clock.ts';
import { loadConfig } from '../lib/config.ts';
import { createPrisma } from '../lib/db.ts';
import { createLogger } from '../lib/logger.ts';
import { startTracing } from '../lib/tracing.ts';
import { createMailer } from '../lib/mailer.ts';
import { applyMigrations } from '../lib/migrations.ts';
import { createLocalDirectoryStorage } from '../lib/storage.ts';
import { installTemporalRuntime } from '../lib/temporal-runtime.ts';
import { createCaseWorker } from '../worker.ts';

/**
 * `npm start`: the whole system on one machine. Whatever is not configured to live elsewhere
 * (DATABASE_URL, TEMPORAL_ADDRESS, SMTP_URL) is started here, with its state under DATA_DIR.
 */
const DEMO_PASSWORD = 'ledger-demo';

const config = loadConfig();
const logger = createLogger(config.logLevel, { service: 'start' });
const say = (line: string) => console.log(`[linkage-ledger] ${line}`);
const cleanups: Array<() => Promise<void> | void> = [];

async function main() {
  // The worker's runtime metrics are appended to the API's /metrics: one process, one endpoint.
  installTemporalRuntime({ logLevel: config.logLevel, handleSignals: false, metricsPort: await freePort(), logger });
  say(`data directory: ${config.dataDir}`);

  let databaseUrl = config.database.url;
  if (!databaseUrl) {
    const embedded = await startEmbeddedPostgres(path.join(config.dataDir, 'pglite'), config.database.embeddedPort);
    cleanups.push(() => embedded.close());
    databaseUrl = embedded.url;
    say(`embedded PostgreSQL (PGlite) on 127.0.0.1:${config.database.embeddedPort}`);
  }

  let smtpUrl = config.mail.smtpUrl;
  let devMailbox;
  if (!smtpUrl) {
    const smtp = await startDevSmtpServer(config.mail.embeddedPort, {
      mailboxFile: path.join(config.dataDir, 'mailbox.jsonl'),
      onConnectionError: (error) => logger.warn('a mail client dropped its connection', { error }),
    });
    cleanups.push(() => smtp.close());
    smtpUrl = smtp.url;
    devMailbox = smtp.mailbox;
    say(`embedded SMTP server on ${smtp.url} (mail listed at GET /admin/mail)`);
  }

  let temporalAddress = config.temporal.address;
  let temporalUi: string | undefined;
  if (!temporalAddress) {
    const devServerOptions = {
      port: config.temporal.devPort,
      uiPort: config.temporal.uiPort,
      dbFile: path.join(config.dataDir, 'temporal.sqlite'),
      namespaces: [config.temporal.namespace],
      logFile: path.join(config.dataDir, 'temporal.log'),
    };
    const server = await startConfiguredDevServer(config, devServerOptions, say);
    // The same port and SQLite file again: the clients and the worker reconnect by themselves.
    const supervisor = supervise(server, () => startConfiguredDevServer(config, devServerOptions, say), {
      name: 'the Temporal dev server',
      maxRestarts: 3,
      windowMs: 60_000,
      log: say,
      onGiveUp: (reason) => fail(`${reason} (see ${devServerOptions.logFile})`),
      shuttingDown: () => stopping,
    });
    cleanups.push(() => supervisor.stop());
    temporalAddress = server.address;
    temporalUi = server.uiUrl;
    say(`Temporal dev server (${server.source}) on ${server.address}`);
  }

  const migrated = await applyMigrations(databaseUrl, path.join(config.projectRoot, 'prisma', 'migrations'), say);
  say(`database schema up to date (${migrated.applied.length} applied now, ${migrated.alreadyApplied.length} before)`);
  // PGlite runs one session at a time; a single pooled connection keeps transactions from interleaving.
  const prisma = createPrisma(databaseUrl, {
    maxConnections: config.database.url ? 10 : 1,
    connectTimeoutMs: config.database.connectTimeoutMs,
  });
  cleanups.push(() => prisma.$disconnect());
  const { seeded } = await seedDemoData(prisma, DEMO_PASSWORD, config.notices.language);
  if (seeded) say('seeded the demo organisation tree and users');
  if ((await seedDemoLeaders(prisma, systemClock.now(), config.notices.language)).seeded) say('seeded demo leaders');
  if ((await shipNationalHolidays(prisma, config.district.language)).shipped) say('calendar: the published national holidays (version 1)');

  const storage = createLocalDirectoryStorage(config.filesDir);
  const mailer = createMailer(smtpUrl, config.mail.from);
  cleanups.push(() => mailer.close());
  const nativeConnection = await NativeConnection.connect({ address: temporalAddress });
  cleanups.push(() => nativeConnection.close());
  const connection = await Connection.connect({ address: temporalAddress });
  cleanups.push(() => connection.close());
  const temporal = createTemporalClient(connection, config.temporal.namespace);
  // One process for the API and the worker: one trace provider, named for both.
  const tracing = startTracing('ledger', { otlpEndpoint: config.tracing.otlpEndpoint });
  cleanups.push(() => tracing.shutdown());
  const worker = await createCaseWorker({
    connection: nativeConnection,
    namespace: config.temporal.namespace,
    deps: { prisma, mailer, clock: systemClock, storage, temporal, districtTime: config.districtTime, notices: config.notices },
    tracing,
  });
  const workerRun = worker.run();
  workerRun.catch((error: unknown) => fail(`the worker stopped: ${(error as Error).message}`));
  cleanups.push(async () => {
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await workerRun;
  });

  say(schedulesReport(await ensureSchedules(temporal, allSchedules(config), systemClock, config.districtTime.zone)));
  // After the worker: the demo round is a workflow.
  const partyDeps = { prisma, temporal, clock: systemClock, storage, settings: config.party };
  if ((await seedDemoParty(partyDeps, config.notices.language)).seeded) say('seeded demo party members and East Street’s round');
  if (await ensureWebhookFeed(temporal, config.webhooks)) say('started the webhook feed');
  // The UI is built by the development tool in a process of its own (Vite and the client generator
  // are devDependencies); it skips the build when web/dist matches the sources.
  execFileSync(process.execPath, ['--import', 'tsx', path.join(config.projectRoot, 'scripts', 'build-web.ts')], { stdio: 'inherit' });
  const server = await listen({ config, prisma, temporal, logger, clock: systemClock, devMailbox, storage });
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const api = `http://${config.http.host}:${config.http.port}`;
  say(`web app:    ${api}/app/   (sign in with a demo login below)`);
  say(`API:        ${api}   (health: ${api}/health, OpenAPI: ${api}/openapi.json)`);
  if (temporalUi) say(`Temporal UI: ${temporalUi}/namespaces/${config.temporal.namespace}/workflows`);
  say(`demo logins (password "${DEMO_PASSWORD}"): ${DEMO_USERS.map((u) => `${u.email} [${u.role}]`).join(', ')}`);
  say('press Ctrl-C to stop');
}

/** Something the system cannot run without has gone: say what, and stop all of it rather than half-run. */
function fail(reason: string) {
  if (stopping) return;
  say(`${reason}; stopping everything`);
  void stop(1);
}

let stopping = false;
async function stop(code: number) {
  if (stopping) return;
  stopping = true;
  say('stopping...');
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      logger.warn('cleanup step failed', { error });
    }
  }
  say('stopped');
  process.exit(code);
}

// Ctrl-C reaches this process twice under `npm start` (from the terminal and relayed by tsx): a
// second signal must not kill it halfway through stopping what it started.
process.on('SIGINT', () => void stop(0));
process.on('SIGTERM', () => void stop(0));
main().catch((error: unknown) => {
  console.error(error);
  void stop(1);
});
