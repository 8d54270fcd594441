import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import type { Config } from '../lib/config.ts';
import { freePort, freePortInRange } from './free-port.ts';
import { startLocalPostgres } from './postgres.ts';
import { requireTemporalCli } from './temporal-cli.ts';
import { requireTemporalServer, type TemporalServerBuild } from './temporal-server-build.ts';

/**
 * The real Temporal server on PostgreSQL, started the way an operator would: databases created and
 * schemas applied with the server's own `sql` tool, the module's sample configuration with the
 * database and ports changed, the namespace registered with the CLI. Every port is a free one, so it
 * runs beside `npm start` and the test servers.
 */
export type TemporalServer = {
  address: string;
  namespace: string;
  pid: number | undefined;
  /** Settles when the server process ends, however it ends, saying how. */
  exited: Promise<string>;
  stop(): Promise<void>;
};

export type TemporalServerOptions = {
  build: TemporalServerBuild;
  /** A PostgreSQL superuser URL; the server's two databases are (re)created on that server. */
  postgresUrl: string;
  /** Names the two databases: `<name>` and `<name>_visibility`; recreated empty on every start. */
  databaseName: string;
  /** Configuration and log go here. */
  workDir: string;
  namespace: string;
  /** The Temporal CLI that registers the namespace. */
  cliPath: string;
  log?: (message: string) => void;
};

/** The ports of the sample configuration, each replaced by a free one. */
const SAMPLE_PORTS = {
  frontend: 7233,
  frontendHttp: 7243,
  frontendMembership: 6933,
  history: 7234,
  historyMembership: 6934,
  matching: 7235,
  matchingMembership: 6935,
  worker: 7239,
  workerMembership: 6939,
  pprof: 7936,
  metrics: 8000,
};

export async function startTemporalServer(options: TemporalServerOptions): Promise<TemporalServer> {
  const log = options.log ?? (() => {});
  const db = new URL(options.postgresUrl);
  const databases = [options.databaseName, `${options.databaseName}_visibility`] as const;
  await dropDatabases(options.postgresUrl, databases);
  for (const [database, schema] of [
    [databases[0], 'temporal'],
    [databases[1], 'visibility'],
  ] as const) {
    const sql = (...args: string[]) =>
      execFileSync(
        options.build.sqlTool,
        ['--plugin', 'postgres12', '--ep', db.hostname, '-p', db.port, '-u', db.username, '--pw', db.password, '--db', database, ...args],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
    sql('create-database');
    sql('setup-schema', '-v', '0.0');
    sql('update-schema', '-d', path.join(options.build.schemaDir, schema, 'versioned'));
  }
  log(`Temporal databases ${databases.join(', ')} created, schemas applied`);

  const ports = await distinctFreePorts(Object.keys(SAMPLE_PORTS).length);
  const portFor = new Map(Object.values(SAMPLE_PORTS).map((sample, i) => [sample, ports[i]!]));
  const configDir = path.join(options.workDir, 'config');
  const files = serverConfigFrom(
    {
      config: readFileSync(path.join(options.build.configDir, 'development-postgres12.yaml'), 'utf8'),
      dynamicConfig: readFileSync(path.join(options.build.configDir, 'dynamicconfig', 'development-sql.yaml'), 'utf8'),
    },
    { postgres: db, databases, portFor },
  );
  mkdirSync(path.join(configDir, 'dynamicconfig'), { recursive: true });
  writeFileSync(path.join(configDir, 'development-postgres12.yaml'), files.config);
  writeFileSync(path.join(configDir, 'dynamicconfig', 'development-sql.yaml'), files.dynamicConfig);

  const logFile = path.join(options.workDir, 'server.log');
  const output = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(
    options.build.server,
    ['--root', options.workDir, '--config', 'config', '--env', 'development-postgres12', '--allow-no-auth', 'start'],
    { cwd: options.workDir, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  child.stdout.pipe(output);
  child.stderr.pipe(output);
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`)),
  );
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };

  const address = `127.0.0.1:${portFor.get(SAMPLE_PORTS.frontend)}`;
  try {
    await untilUsable(address, options.namespace, options.cliPath, exited, logFile, log);
  } catch (error) {
    await stop();
    throw error;
  }
  log(`Temporal server ${options.build.version} on PostgreSQL at ${address}, namespace ${options.namespace}`);
  return { address, namespace: options.namespace, pid: child.pid, exited, stop };
}

/**
 * The module's sample configuration pointed at our PostgreSQL (address, user, password, database
 * names) and at our ports (each sample port replaced by its free one), logging warnings only. Throws
 * when the sample no longer has what is replaced, rather than start a server on the sample's values.
 */
export function serverConfigFrom(
  sample: { config: string; dynamicConfig: string },
  target: { postgres: URL; databases: readonly [string, string]; portFor: Map<number, number> },
): { config: string; dynamicConfig: string } {
  const mustReplace = (text: string, from: string | RegExp, to: string) => {
    if (!(typeof from === 'string' ? text.includes(from) : from.test(text)))
      throw new Error(`the sample configuration has no ${String(from)}; update infra/temporal-server.ts`);
    return text.replaceAll(typeof from === 'string' ? from : new RegExp(from.source, 'g'), to);
  };
  const { hostname, port, username, password } = target.postgres;
  let config = [
    ['connectAddr: "127.0.0.1:5432"', `connectAddr: "${hostname}:${port}"`],
    ['user: "temporal"', `user: "${username}"`],
    ['password: "temporal"', `password: "${password}"`],
    ['databaseName: "temporal"', `databaseName: "${target.databases[0]}"`],
    ['databaseName: "temporal_visibility"', `databaseName: "${target.databases[1]}"`],
    ['level: info', 'level: warn'],
  ].reduce((text, [from, to]) => mustReplace(text, from!, to!), sample.config);
  for (const [samplePort, free] of target.portFor) config = mustReplace(config, new RegExp(`\\b${samplePort}\\b`), String(free));
  const nexusPort = SAMPLE_PORTS.frontendHttp;
  const dynamicConfig = mustReplace(sample.dynamicConfig, `localhost:${nexusPort}`, `localhost:${target.portFor.get(nexusPort)}`);
  return { config, dynamicConfig };
}

/**
 * Waits for the frontend, registers the namespace, then waits until the namespace takes a workflow:
 * the services learn of a new namespace from their caches, seconds after it is created.
 */
async function untilUsable(
  address: string,
  namespace: string,
  cliPath: string,
  exited: Promise<string>,
  logFile: string,
  log: (m: string) => void,
) {
  let exit: string | undefined;
  void exited.then((how) => (exit = how));
  const deadline = Date.now() + 120_000;
  const attempt = async <T>(what: string, action: () => Promise<T>): Promise<T> => {
    for (let lastError = ''; ; await new Promise((r) => setTimeout(r, 500))) {
      if (exit !== undefined) throw new Error(`Temporal server exited (${exit}) while ${what}; see ${logFile}`);
      if (Date.now() > deadline) throw new Error(`Temporal server at ${address}: ${what} failed for 120 s (${lastError}); see ${logFile}`);
      try {
        return await action();
      } catch (error) {
        lastError = (error as Error).message;
      }
    }
  };
  const connection = await attempt('connecting', async () => {
    const c = await Connection.connect({ address, connectTimeout: 2_000 });
    await c.workflowService.getSystemInfo({});
    return c;
  });
  try {
    log(`Temporal frontend at ${address} answers; registering namespace ${namespace}`);
    await attempt('registering the namespace', async () => {
      try {
        execFileSync(cliPath, ['operator', 'namespace', 'create', '--namespace', namespace, '--address', address, '--retention', '1d'], {
          encoding: 'utf8',
          stdio: ['ignore', 'pipe', 'pipe'],
        });
      } catch (error) {
        // An earlier attempt may have registered it before failing to hear back.
        const stderr = String((error as { stderr?: unknown }).stderr ?? '');
        if (!/already (exists|registered)/i.test(stderr)) throw new Error(stderr || (error as Error).message);
      }
    });
    const client = new Client({ connection, namespace });
    await attempt('starting a first workflow in the namespace', async () => {
      const probe = await client.workflow.start('namespaceProbe', {
        taskQueue: 'namespace-probe',
        workflowId: `namespace-probe-${Date.now()}`,
      });
      await probe.terminate('the namespace takes workflows');
    });
  } finally {
    await connection.close();
  }
}

/**
 * The pinned server on a private PostgreSQL cluster of its own (Debian's packages, in
 * `.cache/postgres-<name>/`, on a free port), which also holds databases for the caller (the ledger).
 * `stop` ends both.
 */
export async function startTemporalServerWithPostgres(
  config: Config,
  options: { name: string; namespace: string; log?: (message: string) => void },
): Promise<TemporalServer & { postgresUrl: string }> {
  const log = options.log ?? (() => {});
  const postgres = startLocalPostgres(path.join(config.cacheDir, `postgres-${options.name}`), await freePort());
  try {
    const server = await startTemporalServer({
      build: requireTemporalServer(config, log),
      cliPath: requireTemporalCli(config, log).path,
      postgresUrl: postgres.url,
      databaseName: 'temporal',
      workDir: path.join(config.cacheDir, `temporal-server-${options.name}`),
      namespace: options.namespace,
      log,
    });
    return {
      ...server,
      postgresUrl: postgres.url,
      stop: async () => {
        await server.stop();
        postgres.stop();
      },
    };
  } catch (error) {
    postgres.stop();
    throw error;
  }
}

async function dropDatabases(adminUrl: string, names: readonly string[]) {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    for (const name of names) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** Below 32768: the server stores its membership ports as `smallint`. */
async function distinctFreePorts(count: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < count) ports.add(await freePortInRange(20_000, 32_000));
  return [...ports];
}
