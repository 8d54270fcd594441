import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { NativeConnection } from '@temporalio/worker';
import { seedDemoData } from '../domain/seed.ts';
import { startDevSmtpServer } from '../infra/dev-smtp.ts';
import { freePort } from '../infra/free-port.ts';
import { startLocalPostgres } from '../infra/postgres.ts';
import { resolveTemporalCli } from '../infra/temporal-cli.ts';
import { startTemporalDevServer } from '../infra/temporal-dev-server.ts';
import { systemClock } from '../lib/clock.ts';
import { childProcessEnv, loadConfig } from '../lib/config.ts';
import { createPrisma } from '../lib/db.ts';
import { createMailer } from '../lib/mailer.ts';
import { applyMigrations } from '../lib/migrations.ts';
import { installTemporalRuntime } from '../lib/temporal-runtime.ts';
import { SCENARIOS } from '../test/replay/scenarios.ts';
import { workflowIdForCase } from '../workflows/definitions.ts';
import { createCaseWorker } from '../worker.ts';
import pg from 'pg';

/**
 * `npm run record:histories [name...]`: runs the replay scenarios against a fresh, real stack and
 * writes their workflow histories to test/replay/histories/. Re-record after a deliberate,
 * versioned change to workflow code; the replay suite then guards the new shape.
 */
const config = loadConfig();
installTemporalRuntime({ logLevel: 'warn', handleSignals: false });
const only = new Set(process.argv.slice(2));
const outDir = path.join(config.projectRoot, 'test', 'replay', 'histories');
mkdirSync(outDir, { recursive: true });

const postgres = startLocalPostgres(path.join(config.cacheDir, 'postgres-dev-tools'), 55431);
const dbName = `record_${Date.now()}`;
const admin = new pg.Client({ connectionString: postgres.url });
await admin.connect();
await admin.query(`CREATE DATABASE "${dbName}"`);
const url = new URL(postgres.url);
url.pathname = `/${dbName}`;
await applyMigrations(url.toString(), path.join(config.projectRoot, 'prisma', 'migrations'));
const prisma = createPrisma(url.toString());
await seedDemoData(prisma, 'record');

const cli = resolveTemporalCli({ configuredPath: config.temporal.cliPath, cacheDir: config.cacheDir, version: config.temporal.cliVersion, searchPath: childProcessEnv().PATH ?? '' });
if (!cli) throw new Error('no Temporal CLI available');
const server = await startTemporalDevServer({ cliPath: cli.path, port: await freePort(), namespaces: ['default'], logFile: path.join(config.cacheDir, 'logs', 'record.log') });
const smtp = await startDevSmtpServer(0);
const mailer = createMailer(smtp.url, config.mail.from);
const nativeConnection = await NativeConnection.connect({ address: server.address });
const worker = await createCaseWorker({ connection: nativeConnection, namespace: 'default', deps: { prisma, mailer, clock: systemClock } });
const connection = await Connection.connect({ address: server.address });
const temporal = new Client({ connection, namespace: 'default' });

try {
  await worker.runUntil(async () => {
    const users = Object.fromEntries(
      (await prisma.user.findMany()).map((u) => [u.email, { id: u.id, email: u.email, displayName: u.displayName, role: u.role, orgUnitId: u.orgUnitId }]),
    );
    for (const scenario of SCENARIOS.filter((s) => only.size === 0 || only.has(s.name))) {
      const caseId = await scenario.run({ prisma, temporal, policy: config.deadlines, users });
      const history = await temporal.workflow.getHandle(workflowIdForCase(caseId)).fetchHistory();
      writeFileSync(path.join(outDir, `${scenario.name}.json`), historyToJSON(history));
      console.log(`recorded ${scenario.name} (${history.events?.length ?? 0} events)`);
    }
  });
} finally {
  await connection.close();
  await nativeConnection.close();
  mailer.close();
  await smtp.close();
  await prisma.$disconnect();
  await server.stop();
  await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
  await admin.end();
  postgres.stop();
}
