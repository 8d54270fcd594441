import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import type { Config } from '../lib/config.ts';

/**
 * PostgreSQL compiled to WebAssembly (PGlite), persisted in a directory and served on a loopback
 * port, so the same pg driver, schema and migrations serve development without a database install.
 */
export type EmbeddedPostgres = { url: string; close(): Promise<void> };

export async function startEmbeddedPostgres(dataDir: string, port: number): Promise<EmbeddedPostgres> {
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  // The app keeps one connection; the others are for operator commands (reconcile, exports, backfills).
  const server = new PGLiteSocketServer({ db, port, host: '127.0.0.1', maxConnections: 8 });
  await server.start();
  return {
    url: embeddedDatabaseUrl(port),
    close: async () => {
      await server.stop();
      await db.close();
    },
  };
}

const embeddedDatabaseUrl = (port: number) => `postgresql://postgres:postgres@127.0.0.1:${port}/postgres?sslmode=disable`;

/** For operator commands: the configured database, else the embedded one `npm start` serves. */
export const operatorDatabaseUrl = (config: Config) => config.database.url ?? embeddedDatabaseUrl(config.database.embeddedPort);
