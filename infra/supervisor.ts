/** A process the supervisor can watch: `exited` settles with how it ended, `stop` ends it on purpose. */
export type Supervised = { exited: Promise<unknown>; stop(): Promise<void> };

export type SupervisorOptions = {
  name: string;
  /** Restarts allowed within `windowMs`; one more exit in that window and the supervisor gives up. */
  maxRestarts: number;
  windowMs: number;
  log: (message: string) => void;
  /** Called once, when the process cannot be kept running: the caller stops everything it runs. */
  onGiveUp: (reason: string) => void;
  /**
   * True once the caller is shutting down. Ctrl-C reaches the whole process group, so the child may
   * end by it before the caller gets to `stop()`; that exit is not a crash to restart from.
   */
  shuttingDown?: () => boolean;
};

/**
 * Keeps a child process running: when it ends without being stopped it is started again the same
 * way (same port, same files), unless it keeps dying, in which case the caller is told to stop,
 * so a system never half-runs without it.
 */
export function supervise<P extends Supervised>(first: P, start: () => Promise<P>, options: SupervisorOptions) {
  let current = first;
  let stopping = false;
  let gaveUp = false;
  let restarts: number[] = [];

  const done = () => stopping || gaveUp || options.shuttingDown?.() === true;
  const giveUp = (reason: string) => {
    if (done()) return;
    gaveUp = true;
    options.onGiveUp(reason);
  };

  const watch = (child: P) => {
    void child.exited.then(async (how) => {
      if (done() || child !== current) return;
      const now = Date.now();
      restarts = restarts.filter((at) => now - at < options.windowMs);
      if (restarts.length >= options.maxRestarts) {
        giveUp(`${options.name} exited (${String(how)}) ${restarts.length + 1} times within ${Math.round(options.windowMs / 1000)} s`);
        return;
      }
      restarts.push(now);
      options.log(`${options.name} exited (${String(how)}); restarting it`);
      try {
        current = await start();
      } catch (error) {
        giveUp(`${options.name} exited (${String(how)}) and could not be restarted: ${(error as Error).message}`);
        return;
      }
      if (done()) return void (await current.stop());
      options.log(`${options.name} restarted`);
      watch(current);
    });
  };
  watch(first);

  return {
    current: () => current,
    async stop() {
      stopping = true;
      await current.stop();
    },
  };
}
