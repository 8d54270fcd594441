import { DefaultLogger, Runtime, makeTelemetryFilterString, type LogLevel, type LogMetadata } from '@temporalio/worker';
import type { Logger } from './logger.ts';
import { addMetricsTextSource } from './metrics.ts';

/**
 * Installs the Temporal SDK runtime once per process. The SDK's own INFO output (bundler
 * statistics, state changes) drowns the application's logs, so it starts at WARN.
 * `handleSignals: false` leaves SIGINT/SIGTERM to a caller that shuts down more than the worker.
 *
 * `metricsPort`: the SDK's runtime (pollers, task slots, schedule-to-start latencies, sticky cache,
 * request failures) exports its metrics in the Prometheus format itself, on a loopback port of
 * this process; the process's own `/metrics` appends them, so Prometheus scrapes one protected
 * endpoint per process and the SDK's unprotected one is never reachable from outside.
 *
 * `logger`: the SDK's log lines (the worker's, each workflow's and activity's with their ids, and
 * the native core's) go to the process's JSON log instead of plain text on stderr.
 */
let installed = false;

export function installTemporalRuntime(options: { logLevel: string; handleSignals: boolean; metricsPort?: number; logger?: Logger }) {
  if (installed) return;
  installed = true;
  const level: LogLevel =
    options.logLevel === 'debug' ? 'DEBUG' : options.logLevel === 'error' || options.logLevel === 'silent' ? 'ERROR' : 'WARN';
  const bindAddress = options.metricsPort === undefined ? undefined : `127.0.0.1:${options.metricsPort}`;
  Runtime.install({
    logger: options.logger
      ? new DefaultLogger(level, ({ level, message, meta }) => forward(options.logger!, level, message, meta))
      : new DefaultLogger(level),
    ...(options.handleSignals ? {} : { shutdownSignals: [] }),
    telemetryOptions: {
      // The native core's DEBUG traces every activation (for the SDK's own developers): INFO is its most.
      ...(options.logger
        ? { logging: { forward: {}, filter: makeTelemetryFilterString({ core: level === 'DEBUG' ? 'INFO' : level }) } }
        : {}),
      ...(bindAddress
        ? { metrics: { prometheus: { bindAddress, countersTotalSuffix: true, useSecondsForDurations: true, unitSuffix: true } } }
        : {}),
    },
  });
  if (bindAddress) addMetricsTextSource(() => fetchText(`http://${bindAddress}/metrics`));
}

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(3_000) });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return res.text();
}

function forward(logger: Logger, level: LogLevel, message: string, meta: LogMetadata = {}) {
  const fields = meta as Record<string, unknown>;
  if (level === 'ERROR') logger.error(message, fields);
  else if (level === 'WARN') logger.warn(message, fields);
  else if (level === 'INFO') logger.info(message, fields);
  else logger.debug(message, fields);
}
