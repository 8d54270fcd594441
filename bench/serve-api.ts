import { once } from 'node:events';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { createApp } from '../api/app.ts';
import { systemClock } from '../lib/clock.ts';
import type { Config } from '../lib/config.ts';
import type { Db } from '../lib/db.ts';
import { createLogger } from '../lib/logger.ts';
import { createLocalDirectoryStorage } from '../lib/storage.ts';

/**
 * The API (and the built web UI under /app/) in this process on a loopback port, as
 * `npm run start:api` serves it, for the benchmarks that read a filled database: Temporal is not
 * needed for reads, so its client points nowhere and connects only if something starts a workflow.
 */
export async function serveApiForBench(config: Config, prisma: Db) {
  const temporal = new Client({ connection: Connection.lazy({ address: '127.0.0.1:1' }) });
  const app = createApp({
    config,
    prisma,
    temporal,
    logger: createLogger('silent'),
    clock: systemClock,
    storage: createLocalDirectoryStorage(path.join(config.cacheDir, 'bench-files')),
  });
  const server = app.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
