import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { childProcessEnv } from '../lib/config.ts';

const root = path.join(import.meta.dirname, '..');

export type EntryProcess = { child: ChildProcess; output(): string; stop(): Promise<void> };

/**
 * Runs a production entry point (`npm run start:api`, `npm run start:worker`) as its own process. The
 * script's `tsx <file>` is run as `node --import tsx <file>`: the same program, but without npm and
 * tsx's wrapper processes between, so the pid is the program's own and a SIGKILL reaches it.
 * Resolves once the program has logged `readyText`.
 */
export function startEntryProcess(
  script: 'start:api' | 'start:worker',
  env: Record<string, string>,
  readyText: string,
  /** Every chunk the program writes (stdout and stderr), for callers that need more than the tail. */
  onOutput?: (chunk: string) => void,
): Promise<EntryProcess> {
  const scripts = (JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
  const entry = /^tsx (\S+)$/.exec(scripts[script] ?? '')?.[1];
  if (!entry) throw new Error(`package.json's ${script} is no longer \`tsx <file>\`: update infra/entry-process.ts`);
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
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
