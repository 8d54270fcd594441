import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, bundleWorkflowCode, type Worker } from '@temporalio/worker';
import supertest from 'supertest';
import { inject } from 'vitest';
import { createApp } from '../../api/app.ts';
import { reconcile } from '../../domain/reconcile.ts';
import { startDevSmtpServer, type DevSmtpServer } from '../../infra/dev-smtp.ts';
import { systemClock, type Clock } from '../../lib/clock.ts';
import { loadConfig } from '../../lib/config.ts';
import { createLogger } from '../../lib/logger.ts';
import { createMailer } from '../../lib/mailer.ts';
import { createLocalDirectoryStorage } from '../../lib/storage.ts';
import { installTemporalRuntime } from '../../lib/temporal-runtime.ts';
import type { DeadlinePolicy } from '../../model/case.ts';
import { createCaseWorker, WORKFLOWS_PATH } from '../../worker.ts';
import { createTestDatabase, DEMO_PASSWORD, type TestDatabase } from './database.ts';
import { namespaceForTestFile } from './namespaces.ts';

export type TestSystem = {
  db: TestDatabase;
  smtp: DevSmtpServer;
  client: Client;
  worker: Worker | undefined;
  http: ReturnType<typeof supertest>;
  namespace: string;
  /** Fails the test when a ledger row lacks its workflow, or a workflow its row or status. */
  assertReconciled(): Promise<void>;
  /** Logs in a seeded user and returns the Authorization header value. */
  login(email: string): Promise<string>;
  stop(): Promise<void>;
};

let bundle: Awaited<ReturnType<typeof bundleWorkflowCode>> | undefined;
export async function workflowBundle() {
  bundle ??= await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, logger: silentBundlerLogger });
  return bundle;
}
const silentBundlerLogger = { trace() {}, debug() {}, info() {}, warn() {}, error: console.error, log() {} };

/**
 * The whole system for one integration test file: its own database, a real SMTP server, a worker
 * and the Express app, on the shared Temporal dev server in the file's own namespace.
 */
type TestSystemOptions = {
  clock?: Clock;
  deadlines?: Partial<DeadlinePolicy>;
  /** Another Temporal server (the time-skipping one) instead of the shared dev server. */
  temporal?: { client: Client; nativeConnection: NativeConnection };
  /** false: no worker in this process (the test runs its own, e.g. as a child process to kill). */
  worker?: boolean;
};

export async function startTestSystem(testFile: string, options: TestSystemOptions = {}): Promise<TestSystem> {
  installTemporalRuntime({ logLevel: 'warn', handleSignals: false });
  const namespace = namespaceForTestFile(testFile);
  const base = loadConfig({ LOG_LEVEL: 'silent' });
  const config = { ...base, deadlines: { ...base.deadlines, ...options.deadlines } };
  const clock = options.clock ?? systemClock;
  const db = await createTestDatabase();
  const smtp = await startDevSmtpServer(0);
  const mailer = createMailer(smtp.url, config.mail.from);
  const storage = createLocalDirectoryStorage(mkdtempSync(path.join(tmpdir(), 'files-')));
  const shared = options.temporal === undefined;
  const address = inject('temporalAddress');
  const nativeConnection = options.temporal?.nativeConnection ?? (await NativeConnection.connect({ address }));
  const connection = shared ? await Connection.connect({ address }) : undefined;
  const client = options.temporal?.client ?? new Client({ connection, namespace });
  const worker =
    options.worker === false
      ? undefined
      : await createCaseWorker({
          connection: nativeConnection,
          namespace: client.options.namespace,
          deps: { prisma: db.prisma, mailer, clock, storage, temporal: client },
          workflowBundle: await workflowBundle(),
        });
  const running = worker?.run();
  const app = createApp({
    config,
    prisma: db.prisma,
    temporal: client,
    logger: createLogger('silent'),
    clock,
    devMailbox: smtp.mailbox,
    storage,
  });
  const http = supertest(app);

  return {
    db,
    smtp,
    client,
    worker,
    http,
    namespace,
    async assertReconciled() {
      const report = await reconcile({ prisma: db.prisma, temporal: client }, { graceMs: 0, rowsOnly: !shared });
      if (report.problems.length > 0) throw new Error(`ledger and workflows disagree: ${JSON.stringify(report.problems)}`);
    },
    async login(email) {
      const res = await http.post('/auth/login').send({ email, password: DEMO_PASSWORD });
      if (res.status !== 200) throw new Error(`login of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return `Bearer ${res.body.token}`;
    },
    async stop() {
      if (shared) await terminateOpenWorkflows(client);
      worker?.shutdown();
      await running;
      if (shared) {
        await nativeConnection.close();
        await connection?.close();
      }
      mailer.close();
      await smtp.close();
      await db.drop();
    },
  };
}

/** Leaves the namespace empty, so a later run never wakes this file's workflows against a dropped database. */
async function terminateOpenWorkflows(client: Client) {
  for await (const wf of client.workflow.list({ query: 'ExecutionStatus = "Running"' })) {
    await client.workflow
      .getHandle(wf.workflowId, wf.runId)
      .terminate('test file finished')
      .catch(() => {});
  }
}
