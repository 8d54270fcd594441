import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Connection, type Client } from '@temporalio/client';
import { createTemporalClient } from '../../domain/temporal-client.ts';
import { NativeConnection, type Worker } from '@temporalio/worker';
import type { Express } from 'express';
import supertest from 'supertest';
import { inject } from 'vitest';
import { createApp } from '../../api/app.ts';
import { serveHttp } from '../../api/http-server.ts';
import type { AppDeps } from '../../api/deps.ts';
import { reconcile } from '../../domain/cases/reconcile.ts';
import { startDevSmtpServer, type DevSmtpServer } from '../../infra/dev-smtp.ts';
import { systemClock, type Clock } from '../../lib/clock.ts';
import { loadConfig, type Config } from '../../lib/config.ts';
import { createLogger } from '../../lib/logger.ts';
import { createMailer } from '../../lib/mailer.ts';
import { createLocalDirectoryStorage } from '../../lib/storage.ts';
import { installTemporalRuntime } from '../../lib/temporal-runtime.ts';
import type { Tracing } from '../../lib/tracing.ts';
import type { DeadlinePolicy } from '../../model/cases/case.ts';
import { createCaseWorker } from '../../worker.ts';
import { createTestDatabase, DEMO_PASSWORD, type TestDatabase } from './database.ts';
import { namespaceForTestFile } from './namespaces.ts';
import { bundleWorkflows } from './workflow-bundle.ts';

export type TestSystem = {
  db: TestDatabase;
  smtp: DevSmtpServer;
  client: Client;
  worker: Worker | undefined;
  http: ReturnType<typeof supertest>;
  /** The Express app itself, for tests that need a real listening socket. */
  app: Express;
  /** The same app with some dependencies swapped (a Temporal or a database that is down). */
  httpWith(overrides: Partial<AppDeps>): ReturnType<typeof supertest>;
  namespace: string;
  /** The configuration the app was built with. */
  config: AppDeps['config'];
  /** Fails the test when a ledger row lacks its workflow, or a workflow its row or status. */
  assertReconciled(): Promise<void>;
  /** Logs in a seeded user and returns the Authorization header value. */
  login(email: string): Promise<string>;
  /**
   * Creates a user as the admin, signs them in and replaces their one-time password (the API answers a new
   * account nothing else first): a colleague ready to work, with the Authorization header value.
   */
  addUser(adminToken: string, user: NewUser): Promise<{ id: string; token: string }>;
  /** Serves the app on a free loopback port, for clients that need a real socket (fuzzers, browsers). */
  listen(): Promise<{ url: string; close(): Promise<void> }>;
  stop(): Promise<void>;
};

type NewUser = { email: string; displayName: string; role: string; orgUnitId: string };
/** The password a test gives each account it creates, once past the one-time password. */
const ADDED_USER_PASSWORD = 'chosen-password-2026';

let bundle: { code: string } | undefined;
/** A client of the app that asks for English unless a request says otherwise. */
const inEnglish = (app: Parameters<typeof supertest>[0]) => supertest.agent(app).set('Accept-Language', 'en');

/** The integration project's global setup bundled the workflows once; other projects bundle here. */

export async function workflowBundle() {
  const code = inject('workflowBundleCode');
  bundle ??= code ? { code } : await bundleWorkflows();
  return bundle;
}

/**
 * The whole system for one integration test file: its own database, a real SMTP server, a worker
 * and the Express app, on the shared Temporal dev server in the file's own namespace.
 */
export type TestSystemOptions = {
  clock?: Clock;
  deadlines?: Partial<DeadlinePolicy>;
  /** Sessions that outlive the weeks a time-skipping suite lets pass (the default is 8 hours). */
  tokenTtlMinutes?: number;
  /**
   * Another Temporal server instead of the shared dev server: the time-skipping one (which cannot
   * list workflows, so reconcile starts from the ledger rows), or a dev server of the test's own.
   */
  temporal?: { client: Client; nativeConnection: NativeConnection; listsWorkflows?: boolean };
  /** false: no worker in this process (the test runs its own, e.g. as a child process to kill). */
  worker?: boolean;
  /** Where the worker's spans go (the API's and the client's go to the process's provider). */
  tracing?: Tracing;
  /** The language of the notices mailed (the tests' default is English). */
  noticeLanguage?: Config['notices']['language'];
  /** Settings of the test's own (Open311 reads made public, webhooks retried quickly). */
  configure?: (config: Config) => Config;
};

export async function startTestSystem(testFile: string, options: TestSystemOptions = {}): Promise<TestSystem> {
  installTemporalRuntime({ logLevel: 'warn', handleSignals: false });
  const namespace = namespaceForTestFile(testFile);
  const base = loadConfig({ LOG_LEVEL: 'silent' });
  const timeSkipping = options.temporal !== undefined && options.temporal.listsWorkflows !== true;
  const adjusted = {
    ...base,
    deadlines: { ...base.deadlines, ...options.deadlines },
    auth: { ...base.auth, tokenTtlMinutes: options.tokenTtlMinutes ?? base.auth.tokenTtlMinutes },
    // The Java time-skipping server takes seconds over a cold worker's first Updates on a busy
    // machine; the request deadline is measured against the dev server, not this emulator.
    temporal: { ...base.temporal, callDeadlineMs: timeSkipping ? 60_000 : base.temporal.callDeadlineMs },
    // The tests read the notices' English subjects; the district's Chinese is asked for by name.
    notices: { ...base.notices, language: options.noticeLanguage ?? 'en' },
  };
  const config = options.configure ? options.configure(adjusted) : adjusted;
  const clock = options.clock ?? systemClock;
  const db = await createTestDatabase();
  const smtp = await startDevSmtpServer(0);
  const mailer = createMailer(smtp.url, config.mail.from);
  const storage = createLocalDirectoryStorage(mkdtempSync(path.join(tmpdir(), 'files-')));
  const shared = options.temporal === undefined;
  const address = inject('temporalAddress');
  const nativeConnection = options.temporal?.nativeConnection ?? (await NativeConnection.connect({ address }));
  const connection = shared ? await Connection.connect({ address }) : undefined;
  const client = options.temporal?.client ?? createTemporalClient(connection ?? (await Connection.connect({ address })), namespace);
  const worker =
    options.worker === false
      ? undefined
      : await createCaseWorker({
          connection: nativeConnection,
          namespace: client.options.namespace,
          deps: { prisma: db.prisma, mailer, clock, storage, temporal: client, districtTime: config.districtTime, notices: config.notices },
          workflowBundle: await workflowBundle(),
          tracing: options.tracing,
        });
  const running = worker?.run();
  const deps: AppDeps = {
    config,
    prisma: db.prisma,
    temporal: client,
    // Only a 500 is logged: its cause then shows beside the failing test, on stderr.
    logger: createLogger('error', {}, (line) => process.stderr.write(line + '\n')),
    clock,
    devMailbox: smtp.mailbox,
    storage,
  };
  const app = createApp(deps);
  // The tests read the API's English messages; Chinese ones are asked for by name (Accept-Language: zh-CN).
  const http = inEnglish(app);

  return {
    db,
    smtp,
    client,
    worker,
    http,
    app,
    httpWith: (overrides) => inEnglish(createApp({ ...deps, ...overrides })),
    namespace,
    config,
    async assertReconciled() {
      const report = await reconcile({ prisma: db.prisma, temporal: client }, { graceMs: 0, rowsOnly: timeSkipping });
      if (report.problems.length > 0) throw new Error(`ledger and workflows disagree: ${JSON.stringify(report.problems)}`);
    },
    async login(email) {
      const res = await http.post('/auth/login').send({ email, password: DEMO_PASSWORD });
      if (res.status !== 200) throw new Error(`login of ${email} failed: ${res.status} ${JSON.stringify(res.body)}`);
      return `Bearer ${res.body.token}`;
    },
    async addUser(adminToken, user) {
      const created = await http.post('/admin/users').set('Authorization', adminToken).send(user);
      if (created.status !== 201) throw new Error(`creating ${user.email} failed: ${created.status} ${JSON.stringify(created.body)}`);
      const session = await http.post('/auth/login').send({ email: user.email, password: created.body.temporaryPassword });
      const token = `Bearer ${session.body.token}`;
      const changed = await http
        .post('/auth/password')
        .set('Authorization', token)
        .send({ currentPassword: created.body.temporaryPassword, newPassword: ADDED_USER_PASSWORD });
      if (changed.status !== 204)
        throw new Error(`password change of ${user.email} failed: ${changed.status} ${JSON.stringify(changed.body)}`);
      return { id: created.body.user.id as string, token };
    },
    async listen() {
      const server = serveHttp(app, 0, '127.0.0.1');
      await once(server, 'listening');
      const { port } = server.address() as AddressInfo;
      return {
        url: `http://127.0.0.1:${port}`,
        close: () => new Promise<void>((resolve) => server.close(() => resolve())),
      };
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
