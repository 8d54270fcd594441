import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from '../infra/free-port.ts';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { seedDemoData } from '../domain/directory/seed.ts';
import { startDevSmtpServer } from '../infra/dev-smtp.ts';
import { createMigratedDatabase, startLocalPostgres } from '../infra/postgres.ts';
import { ensureTestServer } from '../infra/temporal-test-server.ts';
import { systemClock } from '../lib/clock.ts';
import { loadConfig } from '../lib/config.ts';
import { createPrisma } from '../lib/db.ts';
import { createMailer } from '../lib/mailer.ts';
import { createLocalDirectoryStorage } from '../lib/storage.ts';
import { installTemporalRuntime } from '../lib/temporal-runtime.ts';
import { unhandledEvents, type HistoryJson } from '../test/replay/histories.ts';
import { SCENARIOS } from '../test/replay/scenarios.ts';
import { startTimeSkippingEnvironment } from '../test/support/time-skipping-environment.ts';
import { createCaseWorker } from '../worker.ts';

/**
 * `npm run record:histories [name...]`: runs the replay scenarios on the time-skipping test server
 * (so deadline paths can let days pass) with a real PostgreSQL and SMTP server, and writes each
 * workflow history to test/replay/histories/. Re-record only after a deliberate workflow change
 * that no running workflow will meet (otherwise version it with patched()).
 */
const config = loadConfig();
installTemporalRuntime({ logLevel: 'warn', handleSignals: false });
const only = new Set(process.argv.slice(2));
const outDir = path.join(config.projectRoot, 'test', 'replay', 'histories');
mkdirSync(outDir, { recursive: true });

const postgres = startLocalPostgres(path.join(config.cacheDir, 'postgres-dev-tools'), await freePort());
const database = await createMigratedDatabase(postgres.url, `record_${Date.now()}`, path.join(config.projectRoot, 'prisma', 'migrations'));
const prisma = createPrisma(database.url);
await seedDemoData(prisma, 'record', 'en');

const testServer = ensureTestServer(config.cacheDir, config.temporal.testServerVersion);
// Recording runs alone, often beside busy suites: it may wait for a few more JVM starts.
const env = await startTimeSkippingEnvironment(testServer, 10);
const smtp = await startDevSmtpServer(0);
const mailer = createMailer(smtp.url, config.mail.from);
const worker = await createCaseWorker({
  connection: env.nativeConnection,
  namespace: 'default',
  deps: {
    prisma,
    mailer,
    clock: systemClock,
    storage: createLocalDirectoryStorage(path.join(config.cacheDir, 'record-files')),
    temporal: env.client,
    districtTime: config.districtTime,
    notices: config.notices,
  },
});

/**
 * The workflow's history once it has handled everything that reached it (a task in flight, an
 * activity's result, a signal): what replay can check in full. The scenario returns as soon as its
 * own call is answered, often while the worker is still at the next task.
 */
async function settledHistoryOf(workflowId: string): Promise<{ json: string; events: number }> {
  const giveUpAt = Date.now() + 30_000;
  for (;;) {
    const json = historyToJSON(await env.client.workflow.getHandle(workflowId).fetchHistory());
    const history = JSON.parse(json) as HistoryJson;
    const unhandled = unhandledEvents(history);
    if (unhandled.length === 0) return { json, events: history.events.length };
    if (Date.now() > giveUpAt) throw new Error(`${workflowId} left events unhandled for 30 s: ${unhandled.join(', ')}`);
    await sleep(100);
  }
}

try {
  await worker.runUntil(async () => {
    const users = Object.fromEntries(
      (await prisma.user.findMany()).map((u) => [
        u.email,
        { id: u.id, email: u.email, displayName: u.displayName, role: u.role, orgUnitId: u.orgUnitId },
      ]),
    );
    for (const scenario of SCENARIOS.filter((s) => only.size === 0 || only.has(s.name))) {
      const workflowId = await scenario.run({
        prisma,
        temporal: env.client,
        policy: config.deadlines,
        clock: systemClock,
        users,
        advance: (ms) => env.sleep(ms),
        now: () => env.currentTimeMs(),
      });
      const history = await settledHistoryOf(workflowId);
      writeFileSync(path.join(outDir, `${scenario.name}.json`), history.json);
      console.log(`recorded ${scenario.name} (${history.events} events)`);
    }
  });
} finally {
  mailer.close();
  await smtp.close();
  await prisma.$disconnect();
  await env.teardown();
  await database.drop();
  postgres.stop();
}
