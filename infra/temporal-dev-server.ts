import { spawn } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import type { Config } from '../lib/config.ts';
import { findConfiguredTemporalCli } from './temporal-cli.ts';

type DevServerOptions = {
  cliPath: string;
  port: number;
  /** Web UI port; omitted means headless. */
  uiPort?: number;
  /** SQLite file for persistence; omitted means in-memory. */
  dbFile?: string;
  namespaces: string[];
  logFile: string;
};

export type DevServer = { address: string; uiUrl?: string; source: string; stop(): Promise<void> };

/**
 * The dev server from the CLI the configuration names or the project builds; on a machine with
 * neither Go nor a CLI (but with internet), the SDK downloads one instead.
 */
export async function startConfiguredDevServer(
  config: Config,
  options: Omit<DevServerOptions, 'cliPath'>,
  log: (m: string) => void,
): Promise<DevServer> {
  const cli = findConfiguredTemporalCli(config, log);
  if (cli) return startTemporalDevServer({ ...options, cliPath: cli.path });
  log('no Temporal CLI and no Go toolchain: asking the Temporal SDK to download the CLI');
  return startDownloadedDevServer(options);
}

async function startDownloadedDevServer(options: Omit<DevServerOptions, 'cliPath'>): Promise<DevServer> {
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  const [namespace, ...more] = options.namespaces;
  const env = await TestWorkflowEnvironment.createLocal({
    server: {
      executable: { type: 'cached-download' },
      ip: '127.0.0.1',
      port: options.port,
      namespace,
      ...(options.uiPort === undefined ? {} : { ui: true, uiPort: options.uiPort }),
      ...(options.dbFile ? { dbFilename: options.dbFile } : {}),
      extraArgs: more.flatMap((ns) => ['--namespace', ns]),
    },
  });
  return {
    address: env.address,
    uiUrl: options.uiPort === undefined ? undefined : `http://127.0.0.1:${options.uiPort}`,
    source: 'downloaded by the Temporal SDK',
    stop: () => env.teardown(),
  };
}

export async function startTemporalDevServer(options: DevServerOptions): Promise<DevServer> {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--log-level', 'warn'];
  for (const namespace of options.namespaces) args.push('--namespace', namespace);
  if (options.uiPort === undefined) args.push('--headless');
  else args.push('--ui-port', String(options.uiPort));
  if (options.dbFile) {
    mkdirSync(path.dirname(options.dbFile), { recursive: true });
    // One SQLite connection serves every write; WAL with NORMAL sync keeps it from fsyncing each one.
    args.push('--db-filename', options.dbFile, '--sqlite-pragma', 'journal_mode=WAL', '--sqlite-pragma', 'synchronous=NORMAL');
  }
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const child = spawn(options.cliPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

  const address = `127.0.0.1:${options.port}`;
  await waitUntilServing(address, exited, options.logFile);
  return {
    address,
    uiUrl: options.uiPort === undefined ? undefined : `http://127.0.0.1:${options.uiPort}`,
    source: options.cliPath,
    stop: async () => {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

async function waitUntilServing(address: string, exited: Promise<number | null>, logFile: string) {
  const deadline = Date.now() + 60_000;
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`Temporal dev server exited with ${exitCode}; see ${logFile}`);
    try {
      const connection = await Connection.connect({ address, connectTimeout: 1_000 });
      try {
        await connection.workflowService.getSystemInfo({});
        return;
      } finally {
        await connection.close();
      }
    } catch {
      await new Promise((r) => setTimeout(r, 250));
    }
  }
  throw new Error(`Temporal dev server at ${address} did not answer within 60 s; see ${logFile}`);
}
