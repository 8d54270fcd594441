import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';

/**
 * Installs the Temporal SDK runtime once per process. The SDK's own INFO output (bundler
 * statistics, state changes) drowns the application's logs, so it starts at WARN.
 * `handleSignals: false` leaves SIGINT/SIGTERM to a caller that shuts down more than the worker.
 */
let installed = false;

export function installTemporalRuntime(options: { logLevel: string; handleSignals: boolean }) {
  if (installed) return;
  installed = true;
  const level: LogLevel =
    options.logLevel === 'debug' ? 'DEBUG' : options.logLevel === 'error' || options.logLevel === 'silent' ? 'ERROR' : 'WARN';
  Runtime.install({
    logger: new DefaultLogger(level),
    ...(options.handleSignals ? {} : { shutdownSignals: [] }),
  });
}
