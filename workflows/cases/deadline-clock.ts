/**
 * A level's deadline as the workflow tracks it: reminders at 50 % and 75 % of the time allowed,
 * an overdue notice at the deadline, and a pause while the case is back with the street for more
 * information. Pure arithmetic on epoch milliseconds, so it is deterministic and unit-tested.
 */
import type { Level } from '../../model/cases/outcome.ts';

export type Milestone = 50 | 75 | 100;
const MILESTONES: readonly Milestone[] = [50, 75, 100];

export type DeadlineClock = {
  level: Level;
  startedAt: number;
  dueAt: number;
  sent: Milestone[];
  /** Set while paused: when the pause began. */
  pausedAt?: number;
};

export function startClock(level: Level, startedAt: number, dueAt: number): DeadlineClock {
  return { level, startedAt, dueAt, sent: [] };
}

export function milestoneTime(clock: DeadlineClock, milestone: Milestone): number {
  return clock.startedAt + ((clock.dueAt - clock.startedAt) * milestone) / 100;
}

/** The next milestone not yet announced, or undefined when all are (or the clock is paused). */
export function nextMilestone(clock: DeadlineClock | undefined): { milestone: Milestone; at: number } | undefined {
  if (!clock || clock.pausedAt !== undefined) return undefined;
  const milestone = MILESTONES.find((m) => !clock.sent.includes(m));
  return milestone === undefined ? undefined : { milestone, at: milestoneTime(clock, milestone) };
}

/** Milestones due at `now`, oldest first, marked as sent. Only the latest one is worth announcing. */
export function takeDueMilestones(clock: DeadlineClock, now: number): Milestone[] {
  if (clock.pausedAt !== undefined) return [];
  const due = MILESTONES.filter((m) => !clock.sent.includes(m) && milestoneTime(clock, m) <= now);
  clock.sent.push(...due);
  return due;
}

export function pauseClock(clock: DeadlineClock, now: number): DeadlineClock {
  return clock.pausedAt === undefined ? { ...clock, pausedAt: now } : clock;
}

/** Shifts the whole schedule by the time spent paused: the time already used stays used. */
export function resumeClock(clock: DeadlineClock, now: number): DeadlineClock {
  if (clock.pausedAt === undefined) return clock;
  const paused = now - clock.pausedAt;
  return { level: clock.level, startedAt: clock.startedAt + paused, dueAt: clock.dueAt + paused, sent: clock.sent };
}

export const isOverdue = (clock: DeadlineClock | undefined) => clock?.sent.includes(100) ?? false;
