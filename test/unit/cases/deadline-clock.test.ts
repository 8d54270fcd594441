import { describe, expect, it } from 'vitest';
import {
  isOverdue,
  milestoneTime,
  nextMilestone,
  pauseClock,
  resumeClock,
  startClock,
  takeDueMilestones,
} from '../../../workflows/cases/deadline-clock.ts';

const H = 3_600_000;

describe('deadline clock', () => {
  it('schedules reminders at 50 % and 75 % and the overdue notice at the deadline', () => {
    const clock = startClock('district', 0, 100 * H);
    expect(milestoneTime(clock, 50)).toBe(50 * H);
    expect(nextMilestone(clock)).toEqual({ milestone: 50, at: 50 * H });
    expect(takeDueMilestones(clock, 49 * H)).toEqual([]);
    expect(takeDueMilestones(clock, 50 * H)).toEqual([50]);
    expect(nextMilestone(clock)).toEqual({ milestone: 75, at: 75 * H });
    expect(isOverdue(clock)).toBe(false);
  });

  it('takes every milestone passed at once, each only once', () => {
    const clock = startClock('municipal', 0, 100 * H);
    expect(takeDueMilestones(clock, 120 * H)).toEqual([50, 75, 100]);
    expect(takeDueMilestones(clock, 130 * H)).toEqual([]);
    expect(nextMilestone(clock)).toBeUndefined();
    expect(isOverdue(clock)).toBe(true);
  });

  it('stops while paused and shifts the whole schedule by the pause', () => {
    const running = startClock('district', 0, 100 * H);
    takeDueMilestones(running, 60 * H);
    const paused = pauseClock(running, 60 * H);
    expect(nextMilestone(paused)).toBeUndefined();
    expect(takeDueMilestones(paused, 500 * H)).toEqual([]);
    const resumed = resumeClock(paused, 260 * H);
    expect(resumed).toEqual({ level: 'district', startedAt: 200 * H, dueAt: 300 * H, sent: [50] });
    expect(nextMilestone(resumed)).toEqual({ milestone: 75, at: 275 * H });
  });

  it('ignores a second pause and a resume of a running clock', () => {
    const clock = startClock('district', 0, 10 * H);
    const paused = pauseClock(clock, 2 * H);
    expect(pauseClock(paused, 5 * H)).toBe(paused);
    expect(resumeClock(clock, 3 * H)).toBe(clock);
  });
});
