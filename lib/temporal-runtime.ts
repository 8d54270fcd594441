import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';
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
 */
let installed = false;

export function installTemporalRuntime(options: { logLevel: string; handleSignals: boolean; metricsPort?: number }) {
  if (installed) return;
  installed = true;
  const level: LogLevel =
    options.logLevel === 'debug' ? 'DEBUG' : options.logLevel === 'error' || options.logLevel === 'silent' ? 'ERROR' : 'WARN';
  const bindAddress = options.metricsPort === undefined ? undefined : `127.0.0.1:${options.metricsPort}`;
  Runtime.install({
    logger: new DefaultLogger(level),
    ...(options.handleSignals ? {} : { shutdownSignals: [] }),
    ...(bindAddress
      ? {
          telemetryOptions: {
            metrics: { prometheus: { bindAddress, countersTotalSuffix: true, useSecondsForDurations: true, unitSuffix: true } },
          },
        }
      : {}),
  });
  if (bindAddress) addMetricsTextSource(() => fetchText(`http://${bindAddress}/metrics`));
}

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url, { signal: AbortSignal.timeout(3_000) });
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return res.text();
}
