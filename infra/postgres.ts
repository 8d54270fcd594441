import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { applyMigrations } from '../lib/migrations.ts';

/**
 * A throw-away PostgreSQL cluster from the machine's Debian packages, for tests and benchmarks.
 * Postgres refuses to run as root, so as root the cluster is owned by and run as `postgres`.
 */
type LocalPostgres = { url: string; port: number; dataDir: string; stop(): void };

export function findPostgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(path.join(root, v, 'bin', 'postgres')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const newest = versions[0];
  if (!newest) {
    throw new Error('PostgreSQL server binaries not found under /usr/lib/postgresql; run `apt-get install -y postgresql`.');
  }
  return path.join(root, newest, 'bin');
}

export function startLocalPostgres(baseDir: string, port: number): LocalPostgres {
  const bin = findPostgresBinDir();
  const dataDir = path.join(baseDir, 'data');
  const asRoot = process.getuid?.() === 0;
  const run = (tool: string, args: string[]) => {
    const command = asRoot ? 'runuser' : path.join(bin, tool);
    const fullArgs = asRoot ? ['-u', 'postgres', '--', path.join(bin, tool), ...args] : args;
    const result = spawnSync(command, fullArgs, { encoding: 'utf8' });
    return { ok: result.status === 0, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
  };

  mkdirSync(baseDir, { recursive: true });
  if (asRoot) chownToPostgres(baseDir);
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    const init = run('initdb', ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C']);
    if (!init.ok) throw new Error(`initdb failed:\n${init.output}`);
  }
  const portFile = path.join(baseDir, 'port');
  const running = run('pg_ctl', ['-D', dataDir, 'status']).ok;
  const runningPort = running && existsSync(portFile) ? Number(readFileSync(portFile, 'utf8')) : undefined;
  if (running && runningPort !== port) run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
  if (!running || runningPort !== port) {
    // Durability settings are off: these clusters hold only test data and are rebuilt at will.
    const options = `-p ${port} -k ${dataDir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300`;
    const start = run('pg_ctl', ['-D', dataDir, '-o', options, '-l', path.join(baseDir, 'postgres.log'), '-w', '-t', '60', 'start']);
    if (!start.ok) throw new Error(`pg_ctl start failed:\n${start.output}`);
    writeFileSync(portFile, String(port));
  }
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    port,
    dataDir,
    stop: () => void run('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']),
  };
}

/** A cluster folder this young may still be in `initdb`, with no server yet: not taken for abandoned. */
const ABANDONED_AFTER_MS = 15 * 60 * 1000;

/**
 * Removes the clusters under `parent` (one folder each, as `startLocalPostgres` keeps them) whose server
 * is not running: what runs that were killed before their teardown left behind.
 */
export function removeStoppedClusters(parent: string, now = Date.now()) {
  if (!existsSync(parent)) return;
  for (const entry of readdirSync(parent, { withFileTypes: true })) {
    const dir = path.join(parent, entry.name);
    if (!entry.isDirectory() || now - statSync(dir).mtimeMs < ABANDONED_AFTER_MS) continue;
    const pid = path.join(dir, 'data', 'postmaster.pid');
    if (existsSync(pid) && processAlive(Number(readFileSync(pid, 'utf8').split('\n')[0]))) continue;
    rmSync(dir, { recursive: true, force: true });
  }
}

function processAlive(pid: number) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function chownToPostgres(dir: string) {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  chownSync(dir, uid, gid);
}

/**
 * A fresh database on a server where `adminUrl` may create databases, with the project's migrations
 * applied; `drop` removes it again. For benchmarks and scripts (tests clone a migrated template).
 */
export async function createMigratedDatabase(
  adminUrl: string,
  name: string,
  migrationsDir: string,
): Promise<{ url: string; drop(): Promise<void> }> {
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin(`CREATE DATABASE "${name}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  await applyMigrations(url.toString(), migrationsDir);
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
}
