export { percentile } from '../lib/percentile.ts';

/** Runs `task` `total` times with `concurrency` in flight; returns per-call latencies and the wall time. */
export async function runConcurrently(total: number, concurrency: number, task: (i: number) => Promise<void>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < total; i = next++) {
        const t = performance.now();
        await task(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return { latencies: latencies.sort((a, b) => a - b), seconds: (performance.now() - started) / 1000 };
}

/**
 * An open-loop load: starts `task` at `perSecond` (whatever the earlier calls are doing, up to
 * `maxInFlight`) until `stop()` is called; resolves with the rate actually started once all are done.
 */
export function runAtRate(perSecond: number, maxInFlight: number, task: () => Promise<void>) {
  let stopped = false;
  let started = 0;
  let inFlight = 0;
  const pending = new Set<Promise<void>>();
  const begun = performance.now();
  const done = (async () => {
    while (!stopped) {
      const due = begun + (started * 1000) / perSecond;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      if (stopped) break;
      if (inFlight >= maxInFlight) {
        await Promise.race(pending);
        continue;
      }
      started += 1;
      inFlight += 1;
      const call: Promise<void> = task().finally(() => {
        inFlight -= 1;
        pending.delete(call);
      });
      pending.add(call);
    }
    const seconds = (performance.now() - begun) / 1000;
    await Promise.all(pending);
    return { started, perSecond: started / seconds };
  })();
  return {
    stop: () => {
      stopped = true;
      return done;
    },
  };
}
