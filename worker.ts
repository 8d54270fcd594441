import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Connection } from '@temporalio/client';
import { createTemporalClient } from './domain/temporal-client.ts';
import {
  OpenTelemetryActivityInboundInterceptor,
  OpenTelemetryActivityOutboundInterceptor,
  makeWorkflowExporter,
} from '@temporalio/interceptors-opentelemetry';
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
import { startTracing, tracingOff, type Tracing } from './lib/tracing.ts';
import { serveMetrics } from './lib/metrics-server.ts';
import { freePort } from './infra/free-port.ts';
import { TASK_QUEUE } from './workflows/definitions.ts';

/**
 * What the workflow bundle is made of: the workflows and the workflow interceptors every worker runs
 * them with (a prebuilt bundle must hold the same interceptors; the worker cannot add them later): the
 * request id's, and OpenTelemetry's, which make the workflow's spans and hand their context on to
 * the activities.
 */
export const WORKFLOW_SOURCES = {
  workflowsPath: path.join(import.meta.dirname, 'workflows', 'index.ts'),
  workflowInterceptorModules: [
    path.join(import.meta.dirname, 'workflows', 'interceptors.ts'),
    createRequire(import.meta.url).resolve('@temporalio/interceptors-opentelemetry/lib/workflow-interceptors'),
  ],
};

/** The workflow bundle `npm run build` makes, beside the compiled worker (dist/). */
export const PREBUILT_WORKFLOW_BUNDLE = 'workflow-bundle.js';

/**
 * The bundle a worker process loads: the prebuilt one when it runs from the build; from the sources
 * (a development run through tsx), none, and the worker bundles the workflows as it starts.
 */
function prebuiltWorkflowBundle(): WorkerOptions['workflowBundle'] {
  if (!import.meta.filename.endsWith('.js')) return undefined;
  const codePath = path.join(import.meta.dirname, PREBUILT_WORKFLOW_BUNDLE);
  if (!existsSync(codePath)) throw new Error(`${codePath} is missing: run npm run build`);
  return { codePath };
}

/**
 * The sinks the bundled interceptors call: OpenTelemetry's workflow interceptors hand their finished
 * spans to `exporter`, which ends them in this process's span processor (outside the sandbox). A
 * replay worker needs it registered too (it is never called during replay).
 */
export const workflowSinks = (tracing: Tracing) => ({ exporter: makeWorkflowExporter(tracing.spanProcessor, tracing.resource) });

export type CaseWorkerOptions = {
  connection: NativeConnection;
  namespace: string;
  deps: ActivityDeps;
  /** A prebuilt bundle (npm run build makes one, tests one per run); otherwise the workflows are bundled at start. */
  workflowBundle?: WorkerOptions['workflowBundle'];
  /** Where the workflows' and activities' spans go (lib/tracing.ts); none by default. */
  tracing?: Tracing;
};

export function createCaseWorker({ connection, namespace, deps, workflowBundle, tracing }: CaseWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection,
    namespace,
    taskQueue: TASK_QUEUE,
    activities: createActivities(deps),
    interceptors: {
      // An activity runs in the span of its execution, the child of the workflow's that scheduled it.
      activity: [
        (context) => ({
          inbound: new OpenTelemetryActivityInboundInterceptor(context),
          outbound: new OpenTelemetryActivityOutboundInterceptor(context),
        }),
        requestLogAttributes,
      ],
      ...(workflowBundle ? {} : { workflowModules: WORKFLOW_SOURCES.workflowInterceptorModules }),
    },
    sinks: workflowSinks(tracing ?? tracingOff('worker')),
    ...(workflowBundle ? { workflowBundle } : { workflowsPath: WORKFLOW_SOURCES.workflowsPath }),
  });
}

/** Production entry point: one worker process against an existing Temporal cluster and PostgreSQL. */
async function main() {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, { service: 'worker' });
  const tracing = startTracing('worker', { otlpEndpoint: config.tracing.otlpEndpoint });
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
  // "worker polling" means ready for the first task: a filing waits, within the API's call deadline,
  // for the ledger row this worker writes, so the database client is loaded and connected first (a
  // cold first query made the first filing after a start answer 503). A database not reachable yet is
  // no reason not to start: the activities retry until it is.
  await prisma.orgUnit.findFirst({ select: { id: true } }).catch((error: unknown) => {
    logger.warn('database not reachable at start; activities will retry', { error: String(error) });
  });
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
      notices: config.notices,
    },
    tracing,
    workflowBundle: prebuiltWorkflowBundle(),
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
    await tracing.shutdown();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
