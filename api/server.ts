import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import { Connection } from '@temporalio/client';
import { createTemporalClient } from '../domain/temporal-client.ts';
import { systemClock } from '../lib/clock.ts';
import { loadConfig } from '../lib/config.ts';
import { createPrisma } from '../lib/db.ts';
import { applyMigrations } from '../lib/migrations.ts';
import { createLogger } from '../lib/logger.ts';
import { startTracing } from '../lib/tracing.ts';
import { createLocalDirectoryStorage } from '../lib/storage.ts';
import { annex3SettingsOf } from '../domain/exports/annex3-export.ts';
import { runExportStarter, starterPolicyOf } from '../domain/exports/starts.ts';
import { shipNationalHolidays } from '../domain/calendar/calendar.ts';
import { createApp } from './app.ts';
import { serveHttp } from './http-server.ts';
import type { AppDeps } from './deps.ts';
import path from 'node:path';

/** The API on its port, with the starter that runs export jobs queued while Temporal was unreachable. */
export async function listen(deps: AppDeps) {
  const server = serveHttp(createApp(deps), deps.config.http.port, deps.config.http.host);
  await once(server, 'listening');
  const exportStarter = runExportStarter(
    { ...deps, settings: annex3SettingsOf(deps.config) },
    starterPolicyOf(deps.config),
    deps.config.exports.startRetrySeconds * 1000,
  );
  server.once('close', () => void exportStarter.stop());
  return server;
}

/** Production entry point: the API alone against an existing Temporal cluster and PostgreSQL. */
async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, { service: 'api' });
  const tracing = startTracing('api', { otlpEndpoint: config.tracing.otlpEndpoint });
  if (!config.database.url || !config.temporal.address) {
    throw new Error('the API alone needs DATABASE_URL and TEMPORAL_ADDRESS; `npm start` runs everything locally');
  }
  await applyMigrations(config.database.url, path.join(config.projectRoot, 'prisma', 'migrations'), (m) => logger.info(m));
  const prisma = createPrisma(config.database.url, { connectTimeoutMs: config.database.connectTimeoutMs });
  if ((await shipNationalHolidays(prisma, config.district.language)).shipped)
    logger.info('calendar: the published national holidays saved as version 1');
  const connection = await Connection.connect({ address: config.temporal.address });
  const temporal = createTemporalClient(connection, config.temporal.namespace);
  const storage = createLocalDirectoryStorage(config.filesDir);
  const server = await listen({ config, prisma, temporal, logger, clock: systemClock, storage });
  logger.info('api listening', { url: `http://${config.http.host}:${config.http.port}` });
  const stop = () => {
    server.close(() => void Promise.all([connection.close(), prisma.$disconnect(), tracing.shutdown()]).then(() => process.exit(0)));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
