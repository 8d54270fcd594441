import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Connection } from '@temporalio/client';
import { createTemporalClient } from './domain/temporal-client.ts';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { createActivities } from './activities/index.ts';
import { requestLogAttributes } from './activities/interceptors.ts';
import { type ActivityDeps } from './activities/deps.ts';
import { systemClock } from './lib/clock.ts';
import { loadConfig } from './lib/config.ts';
import { createPrisma } from './lib/db.ts';
import { createLogger } from './lib/logger.ts';
import { createMailer } from './lib/mailer.ts';
import { createLocalDirectoryStorage } from './lib/storage.ts';
import { installTemporalRuntime } from './lib/temporal-runtime.ts';
import { serveMetrics } from './lib/metrics-server.ts';
import { freePort } from './infra/free-port.ts';
import { TASK_QUEUE } from './workflows/definitions.ts';

/**
 * What the workflow bundle is made of: the workflows and the workflow interceptors every worker runs
 * them with (a prebuilt bundle must hold the same interceptors; the worker cannot add them later).
 */
export const WORKFLOW_SOURCES = {
  workflowsPath: path.join(import.meta.dirname, 'workflows', 'index.ts'),
  workflowInterceptorModules: [path.join(import.meta.dirname, 'workflows', 'interceptors.ts')],
};

export type CaseWorkerOptions = {
  connection: NativeConnection;
  namespace: string;
  deps: ActivityDeps;
  /** A prebuilt bundle (tests build one per run); otherwise the workflows are bundled at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
};

export function createCaseWorker({ connection, namespace, deps, workflowBundle }: CaseWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection,
    namespace,
    taskQueue: TASK_QUEUE,
    activities: createActivities(deps),
    interceptors: {
      activity: [requestLogAttributes],
      ...(workflowBundle ? {} : { workflowModules: WORKFLOW_SOURCES.workflowInterceptorModules }),
    },
    ...(workflowBundle ? { workflowBundle } : { workflowsPath: WORKFLOW_SOURCES.workflowsPath }),
  });
}

/** Production entry point: one worker process against an existing Temporal cluster and PostgreSQL. */
async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, { service: 'worker' });
  if (!config.database.url || !config.temporal.address || !config.mail.smtpUrl) {
    throw new Error('the worker alone needs DATABASE_URL, TEMPORAL_ADDRESS and SMTP_URL; `npm start` runs everything locally');
  }
  const metricsEndpoint = config.metrics.worker;
  // The SDK's runtime metrics go to a loopback port of their own, appended to this worker's /metrics.
  installTemporalRuntime({
    logLevel: config.logLevel,
    handleSignals: true,
    metricsPort: metricsEndpoint ? await freePort() : undefined,
    logger,
  });
  const metrics = metricsEndpoint ? await serveMetrics({ ...metricsEndpoint, token: config.metrics.token }) : undefined;
  if (metrics) logger.info('metrics served', { url: metrics.url });
  const prisma = createPrisma(config.database.url, { connectTimeoutMs: config.database.connectTimeoutMs });
  const mailer = createMailer(config.mail.smtpUrl, config.mail.from);
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  // The cycle's activities move cases by Update, through an ordinary client.
  const clientConnection = await Connection.connect({ address: config.temporal.address });
  const temporal = createTemporalClient(clientConnection, config.temporal.namespace);
  const worker = await createCaseWorker({
    connection,
    namespace: config.temporal.namespace,
    deps: {
      prisma,
      mailer,
      clock: systemClock,
      storage: createLocalDirectoryStorage(config.filesDir),
      temporal,
      districtTime: config.districtTime,
    },
  });
  logger.info('worker polling', { taskQueue: TASK_QUEUE, namespace: config.temporal.namespace });
  try {
    await worker.run();
  } finally {
    await connection.close();
    await clientConnection.close();
    await prisma.$disconnect();
    mailer.close();
    await metrics?.close();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
