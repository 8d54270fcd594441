import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { supervise, type Supervised } from '../../../infra/supervisor.ts';

/** A real child process (Node) that exits with code 3 after `lifeMs`, or runs until stopped. */
function startChild(lifeMs: number | undefined): Promise<Supervised & { pid: number }> {
  const script = lifeMs === undefined ? 'setInterval(() => {}, 1000)' : `setTimeout(() => process.exit(3), ${lifeMs})`;
  const child = spawn(process.execPath, ['-e', script], { stdio: 'ignore' });
  const exited = new Promise<string>((resolve) =>
    child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `code ${code}`)),
  );
  return Promise.resolve({
    pid: child.pid!,
    exited,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  });
}

const quiet = { log: () => {}, windowMs: 60_000 };

describe('supervise', () => {
  it('starts a child that dies again the same way, and stops the new one on stop', async () => {
    const lives = [150, undefined];
    const logs: string[] = [];
    const first = await startChild(lives.shift());
    const supervisor = supervise(first, () => startChild(lives.shift()), {
      ...quiet,
      name: 'test child',
      maxRestarts: 3,
      log: (m) => logs.push(m),
      onGiveUp: (reason) => logs.push(`gave up: ${reason}`),
    });
    await first.exited;
    await expect.poll(() => supervisor.current().pid !== first.pid, { timeout: 5_000 }).toBe(true);
    const second = supervisor.current();
    await supervisor.stop();
    expect(await second.exited).toBe('signal SIGTERM');
    expect(logs).toEqual(['test child exited (code 3); restarting it', 'test child restarted']);
  });

  it('gives up, once, with the reason, when the child keeps dying', async () => {
    const reasons: string[] = [];
    let started = 0;
    const start = () => (started++, startChild(50));
    const supervisor = supervise(await start(), start, {
      ...quiet,
      name: 'Temporal dev server',
      maxRestarts: 2,
      onGiveUp: (reason) => reasons.push(reason),
    });
    await expect.poll(() => reasons.length, { timeout: 10_000 }).toBe(1);
    expect(reasons[0]).toBe('Temporal dev server exited (code 3) 3 times within 60 s');
    expect(started).toBe(3);
    await new Promise((r) => setTimeout(r, 300));
    expect(started).toBe(3);
    await supervisor.stop();
  });

  it('gives up when the child cannot be started again', async () => {
    const reasons: string[] = [];
    const first = await startChild(50);
    supervise(first, () => Promise.reject(new Error('port 7233 is taken')), {
      ...quiet,
      name: 'Temporal dev server',
      maxRestarts: 3,
      onGiveUp: (reason) => reasons.push(reason),
    });
    await expect
      .poll(() => reasons, { timeout: 5_000 })
      .toEqual(['Temporal dev server exited (code 3) and could not be restarted: port 7233 is taken']);
  });

  it('does not restart a child that was stopped on purpose', async () => {
    let started = 0;
    const first = await startChild(undefined);
    const supervisor = supervise(first, () => (started++, startChild(undefined)), {
      ...quiet,
      name: 'child',
      maxRestarts: 3,
      onGiveUp: () => {},
    });
    await supervisor.stop();
    await new Promise((r) => setTimeout(r, 200));
    expect(started).toBe(0);
  });

  it('does not restart a child that ends while the caller shuts down (Ctrl-C reaches the child too)', async () => {
    let started = 0;
    const reasons: string[] = [];
    const first = await startChild(100);
    supervise(first, () => (started++, startChild(undefined)), {
      ...quiet,
      name: 'child',
      maxRestarts: 3,
      onGiveUp: (reason) => reasons.push(reason),
      shuttingDown: () => true,
    });
    await first.exited;
    await new Promise((r) => setTimeout(r, 200));
    expect({ started, reasons }).toEqual({ started: 0, reasons: [] });
  });
});
