import { districtMoment } from '../../lib/district-time.ts';
import type { Workflows } from '../../workflows/definitions.ts';

/** A moment that comes back every year, in the district's time: `MM-DD` and the hour and minute of that day. */
export type YearlyMoment = { monthDay: string; hour: number; minute?: number };

/** The moment of a year: `2026` and `{ monthDay: '12-01', hour: 9 }` is 1 December 2026, 09:00 district time. */
export const momentIn = (year: number, moment: YearlyMoment, utcOffsetMinutes: number): Date =>
  new Date(districtMoment(`${year}-${moment.monthDay}`, moment.hour, utcOffsetMinutes).getTime() + (moment.minute ?? 0) * 60_000);

/**
 * A yearly Temporal Schedule that starts an opener workflow, and what that opener would have done in
 * the period we are in: a Schedule created after its moment has passed (a fresh install on 7 December,
 * a Temporal store rebuilt) fires only next time, so the period it missed is started once by hand,
 * with the opener and settings the Schedule would have used and the period named outright (so the
 * run does not depend on when it happens).
 */
export type YearlySchedule<W extends keyof Workflows = keyof Workflows> = {
  scheduleId: string;
  workflowType: W;
  /** The Schedule's workflow id; Temporal appends each run's time. */
  workflowId: string;
  moment: YearlyMoment;
  args: Parameters<Workflows[W]>;
  /**
   * The period `now` falls in, if this Schedule's moment in it has passed and starting it still makes
   * sense (before the period's deadline): its name and the opener's arguments naming it.
   */
  missedPeriod(now: Date): { period: string; args: Parameters<Workflows[W]> } | undefined;
};
