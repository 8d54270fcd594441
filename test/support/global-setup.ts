import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import type {} from 'vitest';
import type { TestProject } from 'vitest/node';
import { freePort } from '../../infra/free-port.ts';
import { removeStoppedClusters, startLocalPostgres } from '../../infra/postgres.ts';
import { startConfiguredDevServer, type DevServer } from '../../infra/temporal-dev-server.ts';
import { ensureTestServer } from '../../infra/temporal-test-server.ts';
import { loadConfig } from '../../lib/config.ts';
import { applyMigrations } from '../../lib/migrations.ts';
import { TEST_NAMESPACES } from './namespaces.ts';
import { bundleWorkflows } from './workflow-bundle.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresUrl: string;
    templateDatabase: string;
    /** Names of this project's per-file databases start with it. */
    databasePrefix: string;
    temporalAddress: string;
    testServerPath: string;
    /** The workflow code, bundled once per run rather than once per test file (seconds each). */
    workflowBundleCode: string;
  }
}

/**
 * Starts the real servers once per run: a PostgreSQL cluster (Debian's packages) holding a migrated
 * template database that each test file clones, and a Temporal dev server with one namespace per
 * test file so suites never see each other's workflows.
 */
const mkdirp = (dir: string) => {
  mkdirSync(dir, { recursive: true });
  return dir;
};

export default async function setup(project: TestProject) {
  const config = loadConfig();
  const log = (m: string) => console.log(`[test setup] ${m}`);
  const stops: Array<() => Promise<void> | void> = [];

  let postgresUrl = config.database.testUrl;
  if (!postgresUrl) {
    // A cluster of this run's own: two runs side by side (two terminals, or checkouts sharing CACHE_DIR)
    // would otherwise stop each other's cluster and drop each other's databases.
    const clusters = path.join(config.cacheDir, 'postgres-test-runs');
    removeStoppedClusters(clusters);
    const own = mkdtempSync(path.join(mkdirp(clusters), `${project.name}-`));
    const local = startLocalPostgres(own, await freePort());
    stops.push(() => {
      local.stop();
      rmSync(own, { recursive: true, force: true });
    });
    postgresUrl = local.url;
  }
  // Each project (integration, browser) has its own servers, template and database names, since
  // vitest may set projects up side by side.
  const templateDatabase = `ledger_template_${project.name}`;
  const databasePrefix = `test_${project.name}_`;
  await recreateTemplate(postgresUrl, templateDatabase, databasePrefix, path.join(config.projectRoot, 'prisma', 'migrations'));
  log(`PostgreSQL at ${new URL(postgresUrl).host}, template database migrated`);

  let server: DevServer;
  try {
    server = await startConfiguredDevServer(
      config,
      {
        port: await freePort(),
        namespaces: TEST_NAMESPACES,
        logFile: path.join(config.cacheDir, 'logs', `temporal-test-dev-server-${project.name}.log`),
      },
      log,
    );
  } catch (error) {
    for (const stop of stops) await stop();
    throw error;
  }
  stops.push(() => server.stop());
  log(`Temporal dev server at ${server.address} (${TEST_NAMESPACES.length} namespaces)`);

  const testServerPath = ensureTestServer(config.cacheDir, config.temporal.testServerVersion, log);
  const { code: workflowBundleCode } = await bundleWorkflows();

  project.provide('postgresUrl', postgresUrl);
  project.provide('templateDatabase', templateDatabase);
  project.provide('databasePrefix', databasePrefix);
  project.provide('temporalAddress', server.address);
  project.provide('testServerPath', testServerPath ?? '');
  project.provide('workflowBundleCode', workflowBundleCode);

  return async () => {
    for (const stop of stops.reverse()) await stop();
  };
}

async function recreateTemplate(adminUrl: string, templateDatabase: string, databasePrefix: string, migrationsDir: string) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // Leftovers of an interrupted run: per-file databases are disposable.
    const { rows } = await admin.query<{ datname: string }>(
      'SELECT datname FROM pg_database WHERE starts_with(datname, $1) OR datname = $2',
      [databasePrefix, templateDatabase],
    );
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${templateDatabase}"`);
  } finally {
    await admin.end();
  }
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${templateDatabase}`;
  await applyMigrations(templateUrl.toString(), migrationsDir);
}
