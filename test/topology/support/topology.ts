import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import pg from 'pg';
import supertest from 'supertest';
import { seedDemoData } from '../../../domain/directory/seed.ts';
import { startDevSmtpServer, type DevSmtpServer } from '../../../infra/dev-smtp.ts';
import { freePort } from '../../../infra/free-port.ts';
import { startTemporalServerWithPostgres, type TemporalServer } from '../../../infra/temporal-server.ts';
import { childProcessEnv, loadConfig } from '../../../lib/config.ts';
import { createPrisma, type Db } from '../../../lib/db.ts';
import { DEMO_PASSWORD } from '../../support/database.ts';
import { startEntryProcess, type EntryProcess } from '../../../infra/entry-process.ts';

export type Topology = {
  temporal: TemporalServer;
  /** The environment every process of the system runs with (the ledger, Temporal, SMTP, files). */
  env: Record<string, string>;
  api: EntryProcess;
  workers: EntryProcess[];
  /** HTTP to the API process. */
  http: ReturnType<typeof supertest>;
  smtp: DevSmtpServer;
  /** The ledger database, read by the test to check what the processes wrote. */
  prisma: Db;
  /** A client of the test's own, to look at the workflows. */
  client: Client;
  login(email: string): Promise<string>;
  stop(): Promise<void>;
};

/**
 * The system as production runs it: the real Temporal server on PostgreSQL, the API process
 * (`npm run start:api`, which migrates the ledger database on boot) and `workerCount` worker processes
 * (`npm run start:worker`), a real SMTP server, and files in a directory the processes share.
 */
export async function startTopology(options: { workerCount: number; log: (message: string) => void }): Promise<Topology> {
  const config = loadConfig(childProcessEnv({ LOG_LEVEL: 'silent' }));
  const stops: Array<() => Promise<unknown> | unknown> = [];
  const stop = async () => {
    for (const s of stops.reverse()) await s();
  };
  try {
    const temporal = await startTemporalServerWithPostgres(config, { name: 'topology', namespace: 'topology', log: options.log });
    stops.push(() => temporal.stop());
    const ledgerUrl = await recreateDatabase(temporal.postgresUrl, 'ledger');
    const smtp = await startDevSmtpServer(0);
    stops.push(() => smtp.close());
    const port = await freePort();
    const env = {
      DATABASE_URL: ledgerUrl,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_NAMESPACE: temporal.namespace,
      SMTP_URL: smtp.url,
      FILES_DIR: mkdtempSync(path.join(tmpdir(), 'topology-files-')),
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'info',
    };
    const workers: EntryProcess[] = [];
    stops.push(async () => {
      for (const worker of workers) await worker.stop();
    });
    const api = await startEntryProcess('start:api', env, 'api listening', { built: true });
    stops.push(() => api.stop());
    options.log(`API process ${api.child.pid} on port ${port}`);
    // The API has migrated the ledger; the demo organisation and users are what the steps act as.
    const prisma = createPrisma(ledgerUrl);
    stops.push(() => prisma.$disconnect());
    await seedDemoData(prisma, DEMO_PASSWORD, 'en');
    for (let i = 0; i < options.workerCount; i++) {
      workers.push(await startEntryProcess('start:worker', env, 'worker polling', { built: true }));
      options.log(`worker process ${workers.at(-1)!.child.pid} polling`);
    }
    const connection = await Connection.connect({ address: temporal.address });
    stops.push(() => connection.close());
    const http = supertest(`http://127.0.0.1:${port}`);
    return {
      temporal,
      env,
      api,
      workers,
      http,
      smtp,
      prisma,
      client: new Client({ connection, namespace: temporal.namespace }),
      async login(email) {
        const res = await http.post('/auth/login').send({ email, password: DEMO_PASSWORD });
        if (res.status !== 200) throw new Error(`login of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
        return `Bearer ${res.body.token}`;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function recreateDatabase(adminUrl: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
