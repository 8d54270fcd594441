import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';
import type { Config } from '../lib/config.ts';
import { findPostgresBinDir } from './postgres.ts';

/**
 * Backups of what holds state (docs/operations.md#backups-and-restore): the ledger database, the
 * files (attachments and finished exports) and, where it is ours, Temporal's store. One directory
 * per backup:
 *
 * - `ledger.dump`: `pg_dump --format=custom` of DATABASE_URL, one consistent snapshot while the
 *   system runs; or `pglite/`, a copy of `npm start`'s embedded database, taken only while it is
 *   stopped (Debian's pg_dump is older than PGlite's PostgreSQL and refuses to dump it);
 * - `files/`: FILES_DIR, copied after the dump, so every file a restored row names is there;
 * - `temporal.sqlite`: the dev server's history, copied only while it is stopped (a copy of a
 *   running SQLite file in WAL mode may be torn). A Temporal cluster of its own keeps its own backups;
 *   without one, `npm run rebuild` starts the open cases' workflows again from the ledger.
 */
export const BACKUP_PARTS = {
  dump: 'ledger.dump',
  embedded: 'pglite',
  files: 'files',
  temporal: 'temporal.sqlite',
  manifest: 'backup.json',
};

export type BackupManifest = { takenAt: string; parts: string[]; notes: string[] };

/** Where `npm start` keeps what a backup copies when no server of its own is configured. */
const embeddedDatabaseDir = (config: Config) => path.join(config.dataDir, 'pglite');
const devServerFile = (config: Config) => path.join(config.dataDir, 'temporal.sqlite');

export async function takeBackup(config: Config, out: string, now: Date): Promise<BackupManifest> {
  if (existsSync(out) && readdirSync(out).length > 0) throw new Error(`${out} is not empty: a backup goes into a new directory`);
  mkdirSync(out, { recursive: true });
  const parts: string[] = [];
  const notes: string[] = [];
  if (config.database.url) {
    dumpLedger(config.database.url, path.join(out, BACKUP_PARTS.dump));
    parts.push(BACKUP_PARTS.dump);
  } else {
    if (await isListening(config.database.embeddedPort))
      throw new Error(`the embedded database is in use on port ${config.database.embeddedPort}: stop \`npm start\` first`);
    if (!existsSync(embeddedDatabaseDir(config))) throw new Error(`no embedded database in ${embeddedDatabaseDir(config)}`);
    cpSync(embeddedDatabaseDir(config), path.join(out, BACKUP_PARTS.embedded), { recursive: true });
    parts.push(BACKUP_PARTS.embedded);
  }
  if (existsSync(config.filesDir)) {
    cpSync(config.filesDir, path.join(out, BACKUP_PARTS.files), { recursive: true });
    parts.push(BACKUP_PARTS.files);
  }
  if (config.temporal.address) notes.push(`Temporal at ${config.temporal.address} keeps its own store: back it up with its database`);
  else if (await isListening(config.temporal.devPort))
    notes.push(
      'the Temporal dev server is running, so its store was not copied; after a restore, `npm run rebuild` starts the open cases again',
    );
  else if (existsSync(devServerFile(config))) {
    cpSync(devServerFile(config), path.join(out, BACKUP_PARTS.temporal));
    parts.push(BACKUP_PARTS.temporal);
  }
  const manifest = { takenAt: now.toISOString(), parts, notes };
  writeFileSync(path.join(out, BACKUP_PARTS.manifest), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

/**
 * Restores a backup into a fresh place: an empty database at DATABASE_URL (or, without one, where
 * `npm start` keeps its embedded database, which must not exist yet), FILES_DIR (existing files are
 * kept), and the dev server's store when the backup has one and none exists.
 */
export async function restoreBackup(config: Config, from: string): Promise<string[]> {
  const manifest = JSON.parse(readFileSync(path.join(from, BACKUP_PARTS.manifest), 'utf8')) as BackupManifest;
  const has = (part: string) => manifest.parts.includes(part);
  const restored: string[] = [];
  if (config.database.url) {
    if (!has(BACKUP_PARTS.dump)) throw new Error(`${from} holds no ${BACKUP_PARTS.dump} (it is a copy of the embedded database)`);
    await restoreLedger(config.database.url, path.join(from, BACKUP_PARTS.dump));
    restored.push(`the ledger into ${redactedUrl(config.database.url)}`);
  } else {
    if (!has(BACKUP_PARTS.embedded)) throw new Error(`${from} holds no embedded database: set DATABASE_URL to restore its dump`);
    if (existsSync(embeddedDatabaseDir(config))) throw new Error(`${embeddedDatabaseDir(config)} exists: restore into a fresh DATA_DIR`);
    cpSync(path.join(from, BACKUP_PARTS.embedded), embeddedDatabaseDir(config), { recursive: true });
    restored.push(`the embedded database into ${embeddedDatabaseDir(config)}`);
  }
  if (has(BACKUP_PARTS.files)) {
    cpSync(path.join(from, BACKUP_PARTS.files), config.filesDir, { recursive: true, force: false });
    restored.push(`the files into ${config.filesDir}`);
  }
  if (has(BACKUP_PARTS.temporal) && !config.temporal.address && !existsSync(devServerFile(config))) {
    cpSync(path.join(from, BACKUP_PARTS.temporal), devServerFile(config));
    restored.push(`the Temporal dev server's store into ${devServerFile(config)}`);
  }
  return restored;
}

/** One consistent snapshot of the database, in pg_dump's custom format (compressed, restored selectively). */
export function dumpLedger(databaseUrl: string, file: string) {
  runTool('pg_dump', ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${libpqUrl(databaseUrl)}`]);
}

/** Into an empty database only: a restore over live data would mix two ledgers. */
export async function restoreLedger(databaseUrl: string, file: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>(
      "SELECT count(*) FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema')",
    );
    if (Number(rows[0]?.count) > 0) throw new Error(`${redactedUrl(databaseUrl)} already has tables: restore into a fresh, empty database`);
  } finally {
    await client.end();
  }
  runTool('pg_restore', [
    '--no-owner',
    '--no-privileges',
    '--exit-on-error',
    '--single-transaction',
    `--dbname=${libpqUrl(databaseUrl)}`,
    file,
  ]);
}

function runTool(tool: string, args: string[]) {
  const result = spawnSync(path.join(findPostgresBinDir(), tool), args, { encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${tool} failed (exit ${result.status}):\n${result.stderr}`);
}

// Parameters Prisma and node-postgres read but libpq refuses ("invalid URI query parameter").
const NOT_LIBPQ = ['schema', 'connection_limit', 'pool_timeout', 'pgbouncer', 'socket_timeout', 'statement_cache_size'];
function libpqUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  for (const name of NOT_LIBPQ) url.searchParams.delete(name);
  return url.toString();
}

const redactedUrl = (databaseUrl: string) => {
  const url = new URL(databaseUrl);
  url.password = url.password ? '***' : '';
  return url.toString();
};

/** Something accepts connections on this loopback port (a server that would be copied mid-write). */
export function isListening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
