import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { childProcessEnv } from '../lib/config.ts';

const root = path.join(import.meta.dirname, '..');

export type EntryProcess = { child: ChildProcess; output(): string; stop(): Promise<void> };

export type EntryProcessOptions = {
  /** Every chunk the program writes (stdout and stderr), for callers that need more than the tail. */
  onOutput?: (chunk: string) => void;
  /** true: the build itself (`npm run build`'s dist/, plain node, as production runs it); else its TypeScript source through tsx. */
  built?: boolean;
};

/**
 * Runs a production entry point (`npm run start:api`, `npm run start:worker`) as its own process:
 * the script's `node dist/<file>.js`, or the same program from its source (`node --import tsx
 * <file>.ts`), so a test of one file needs no build. Either way without npm's wrapper process between,
 * so the pid is the program's own and a SIGKILL reaches it. Resolves once the program has logged `readyText`.
 */
export function startEntryProcess(
  script: 'start:api' | 'start:worker',
  env: Record<string, string>,
  readyText: string,
  { onOutput, built = false }: EntryProcessOptions = {},
): Promise<EntryProcess> {
  const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const entry = /^node dist\/(\S+)\.js$/.exec(scripts[script] ?? '')?.[1];
  if (!entry) throw new Error(`package.json's ${script} is no longer \`node dist/<file>.js\`: update infra/entry-process.ts`);
  const compiled = path.join('dist', `${entry}.js`);
  if (built && !existsSync(path.join(root, compiled))) throw new Error(`${compiled} is missing: run npm run build first`);
  const child = spawn(process.execPath, built ? [compiled] : ['--import', 'tsx', `${entry}.ts`], {
    cwd: root,
    env: childProcessEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const process_ = {
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${script} did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: string) => {
      onOutput?.(chunk);
      // The tail is enough to say why a process failed; a worker logs for as long as it runs.
      output = (output + chunk).slice(-64 * 1024);
      if (output.includes(readyText)) {
        clearTimeout(timer);
        resolve(process_);
      }
    };
    // Decoded as UTF-8 by the streams, so a character split between two reads stays whole.
    child.stdout.setEncoding('utf8').on('data', onData);
    child.stderr.setEncoding('utf8').on('data', onData);
    child.once('exit', (code, signal) => reject(new Error(`${script} exited (${signal ?? code}):\n${output}`)));
  });
}
