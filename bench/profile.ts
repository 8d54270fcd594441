import { Session } from 'node:inspector/promises';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The parts of a V8 .cpuprofile this summary reads. */
type CpuProfile = {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  startTime: number;
  samples: number[];
  timeDeltas: number[];
};

/** A moment on the clock V8 stamps profiles with (CLOCK_MONOTONIC, microseconds), shared by every process here. */
export const monotonicMicros = () => Number(process.hrtime.bigint() / 1000n);

/** Profiles this process (where the bench runs the API) until the returned function is called. */
export async function profileThisProcess(): Promise<(file: string) => Promise<void>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 1000 });
  await session.post('Profiler.start');
  return async (file) => {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    session.disconnect();
  };
}

/** Where a frame's time is counted: a package, a project file, a Node internal, or V8's own bucket. */
function placeOf(url: string, functionName: string, projectRoot: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : `(native) ${functionName || 'anonymous'}`;
  const inModules = url.lastIndexOf('node_modules/');
  if (inModules >= 0) {
    const [scope, name] = url.slice(inModules + 'node_modules/'.length).split('/');
    return scope?.startsWith('@') ? `${scope}/${name}` : (scope ?? url);
  }
  // Node's bundled fetch is the bench's own load generator.
  if (url.startsWith('node:internal/deps/undici')) return 'undici (fetch)';
  if (url.startsWith('node:')) return url.split('/').slice(0, 2).join('/');
  const file = url.replace(/^file:\/\//, '');
  return file.startsWith(projectRoot) ? path.relative(projectRoot, file) : file;
}

/**
 * Self time by place and by function over a window of the profile (the measured phase, not start-up
 * or bundling): shares of the samples that were not idle.
 */
export function summariseProfile(profile: CpuProfile, projectRoot: string, window?: { from: number; to: number }) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n.callFrame]));
  const places = new Map<string, number>();
  const functions = new Map<string, number>();
  let at = profile.startTime;
  let busy = 0;
  let total = 0;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i] ?? 0;
    if (window && (at < window.from || at > window.to)) return;
    const frame = byId.get(id);
    if (!frame) return;
    total += 1;
    if (frame.functionName === '(idle)') return;
    busy += 1;
    const place = placeOf(frame.url, frame.functionName, projectRoot);
    places.set(place, (places.get(place) ?? 0) + 1);
    const fn = `${frame.functionName || '(anonymous)'} ${place}${frame.url ? `:${frame.lineNumber + 1}` : ''}`;
    functions.set(fn, (functions.get(fn) ?? 0) + 1);
  });
  const top = (counts: Map<string, number>, n: number) =>
    [...counts]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, count]) => ({ name, percentOfBusy: Math.round((count / Math.max(busy, 1)) * 1000) / 10 }));
  return { busyPercent: Math.round((busy / Math.max(total, 1)) * 1000) / 10, places: top(places, 12), functions: top(functions, 12) };
}

/**
 * Every .cpuprofile in `dir` (Node names them CPU.<date>.<time>.<pid>.<thread>.<n>.cpuprofile, one per
 * thread: a worker's workflows run in a thread of their own), summarised over the window and named
 * by process and thread.
 */
export function summariseProfiles(dir: string, projectRoot: string, window: { from: number; to: number }, names: Record<number, string>) {
  return Object.fromEntries(
    readdirSync(dir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .map((f) => {
        const [pid, thread] = f.split('.').slice(-4, -2).map(Number);
        const name = `${names[pid ?? 0] ?? `pid ${pid}`}${thread ? ` thread ${thread}` : ''}`;
        return [name, summariseProfile(JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as CpuProfile, projectRoot, window)];
      }),
  );
}
