import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { freePort } from '../../infra/free-port.ts';
import { requireTemporalCli } from '../../infra/temporal-cli.ts';
import { startTemporalDevServer, type DevServer, type DevServerOptions } from '../../infra/temporal-dev-server.ts';
import { loadConfig } from '../../lib/config.ts';
import { installTemporalRuntime } from '../../lib/temporal-runtime.ts';
import { namespaceForTestFile } from './namespaces.ts';
import { startTestSystem, type TestSystem, type TestSystemOptions } from './system.ts';

/**
 * A test file's own Temporal dev server (own port, own SQLite file, so its history survives a restart)
 * with the test system on it, for files that kill the server or lose its store: the shared dev server
 * is never touched. `server` is the one running now: `start` starts it again on the same port and file.
 */
export type OwnDevServer = {
  sys: TestSystem;
  server: DevServer;
  /** Starts the server again (after it was stopped or killed) on the same port and file. */
  start(): Promise<void>;
  /** Stops the server and deletes its store: it starts again empty. */
  loseStore(): Promise<void>;
  stop(): Promise<void>;
};

export async function startOnOwnDevServer(
  testFile: string,
  systemOptions: Omit<TestSystemOptions, 'temporal'> = {},
): Promise<OwnDevServer> {
  // The worker's own retries while the server is down are expected in these files: only errors are shown.
  installTemporalRuntime({ logLevel: 'error', handleSignals: false });
  const namespace = namespaceForTestFile(testFile);
  const dir = mkdtempSync(path.join(tmpdir(), `temporal-${path.basename(testFile, '.test.ts')}-`));
  const options: DevServerOptions = {
    cliPath: requireTemporalCli(loadConfig({ LOG_LEVEL: 'silent' }), () => {}).path,
    port: await freePort(),
    dbFile: path.join(dir, 'temporal.sqlite'),
    namespaces: [namespace],
    logFile: path.join(dir, 'temporal.log'),
  };
  const own = { server: await startTemporalDevServer(options) } as OwnDevServer;
  const connection = await Connection.connect({ address: own.server.address });
  const nativeConnection = await NativeConnection.connect({ address: own.server.address });
  const client = new Client({ connection, namespace });
  own.sys = await startTestSystem(testFile, { ...systemOptions, temporal: { client, nativeConnection, listsWorkflows: true } });
  own.start = async () => {
    own.server = await startTemporalDevServer(options);
  };
  own.loseStore = async () => {
    await own.server.stop();
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${options.dbFile}${suffix}`, { force: true });
    await own.start();
  };
  own.stop = async () => {
    await own.sys.stop();
    await nativeConnection.close();
    await connection.close();
    await own.server.stop();
    rmSync(dir, { recursive: true, force: true });
  };
  return own;
}
