import { readdirSync, readFileSync } from 'node:fs';

/** Linux's clock tick for /proc times (`getconf CLK_TCK`; 100 on every kernel this runs on). */
const TICKS_PER_SECOND = 100;

/** utime+stime and the parent of a process, from /proc/<pid>/stat; undefined once it is gone. */
function statOf(pid: number): { cpuSeconds: number; parent: number } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may hold spaces; the fields after its closing parenthesis do not.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { cpuSeconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND, parent: Number(fields[1]) };
  } catch {
    return undefined;
  }
}

/** A process and its direct children (PostgreSQL's postmaster and its backends). */
export function withChildren(pid: number): number[] {
  const children = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(Number)
    .filter((candidate) => statOf(candidate)?.parent === pid);
  return [pid, ...children];
}

export type ProcessGroups = Record<string, () => number[]>;

/**
 * CPU seconds each group of processes spends from now until the returned function is called: the
 * machine is shared, so what our own processes burn per filing says more than wall time alone.
 */
export function startCpuMeter(groups: ProcessGroups): () => Record<string, number> {
  const before = new Map<number, number>();
  for (const pids of Object.values(groups)) for (const pid of pids()) before.set(pid, statOf(pid)?.cpuSeconds ?? 0);
  return () =>
    Object.fromEntries(
      Object.entries(groups).map(([name, pids]) => {
        const spent = pids().reduce((sum, pid) => sum + Math.max(0, (statOf(pid)?.cpuSeconds ?? 0) - (before.get(pid) ?? 0)), 0);
        return [name, spent];
      }),
    );
}
