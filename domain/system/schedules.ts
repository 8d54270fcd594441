import { ScheduleAlreadyRunning, WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import type { Clock } from '../../lib/clock.ts';
import type { Config } from '../../lib/config.ts';
import { TASK_QUEUE } from '../../workflows/definitions.ts';
import { cycleSchedules } from '../cycle/cycles.ts';
import { quotaSchedules } from '../leaders/quota-trackers.ts';
import { feedbackSchedules } from '../party/feedback.ts';
import type { YearlyMoment, YearlySchedule } from './yearly-schedule.ts';

const MONTHS = [
  'JANUARY',
  'FEBRUARY',
  'MARCH',
  'APRIL',
  'MAY',
  'JUNE',
  'JULY',
  'AUGUST',
  'SEPTEMBER',
  'OCTOBER',
  'NOVEMBER',
  'DECEMBER',
] as const;

/** A yearly moment as a Schedule's calendar, in the district's zone (Temporal keeps its daylight saving, if any). */
export function calendarSpecOf(moment: YearlyMoment, zone: string) {
  const [month, dayOfMonth] = moment.monthDay.split('-').map(Number) as [number, number];
  return { calendars: [{ month: MONTHS[month - 1]!, dayOfMonth, hour: moment.hour, minute: moment.minute ?? 0 }], timezone: zone };
}

/** Every yearly Schedule of the system (the half-year cycles, the member feedback, the leaders' quota trackers). */
export const allSchedules = (config: Config): YearlySchedule[] => [
  ...cycleSchedules(config),
  ...feedbackSchedules(config),
  ...quotaSchedules(config),
];

/** The workflow id of a missed period's one start: the same on every restart, so it starts once. */
export const catchUpWorkflowId = (schedule: YearlySchedule, period: string) => `${schedule.workflowId}-catch-up-${period}`;

/**
 * Creates the Schedules that do not exist yet (an existing one is left as it is) and starts, once,
 * the period each has missed. Safe to run on every start: the catch-up's workflow id names the
 * period, and the openers start their children under ids that name the period too, so a period the
 * Schedule did open itself is not opened again.
 */
export async function ensureSchedules(client: Client, schedules: YearlySchedule[], clock: Clock, zone: string) {
  const created: string[] = [];
  const caughtUp: string[] = [];
  for (const schedule of schedules) {
    try {
      await client.schedule.create({
        scheduleId: schedule.scheduleId,
        spec: calendarSpecOf(schedule.moment, zone),
        action: {
          type: 'startWorkflow',
          workflowType: schedule.workflowType,
          taskQueue: TASK_QUEUE,
          workflowId: schedule.workflowId,
          args: schedule.args,
        },
      });
      created.push(schedule.scheduleId);
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
    }
    const missed = schedule.missedPeriod(clock.now());
    if (!missed) continue;
    try {
      await client.workflow.start(schedule.workflowType, {
        taskQueue: TASK_QUEUE,
        workflowId: catchUpWorkflowId(schedule, missed.period),
        args: missed.args,
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      caughtUp.push(`${schedule.scheduleId} ${missed.period}`);
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
  return { created, caughtUp };
}

/** What `ensureSchedules` did, in one line for the operator (npm start, npm run schedules). */
export function schedulesReport({ created, caughtUp }: { created: string[]; caughtUp: string[] }): string {
  const parts = [
    created.length ? `created the schedules ${created.join(', ')}` : 'the schedules already exist',
    ...(caughtUp.length ? [`started the periods they had missed: ${caughtUp.join(', ')}`] : []),
  ];
  return parts.join('; ');
}
