import type { HalfYearDeadlines } from '../../lib/half-years.ts';

/** The semi-annual cycle a district runs; started by the half-yearly Schedule or by hand. */
export type CycleWorkflowInput = {
  /** The half-year, e.g. 2026-H2. */
  cycle: string;
  districtId: string;
  opensAt: string;
  deadlineAt: string;
  /** Reminders this many working days before the deadline, to units that have not submitted. */
  reminderWorkingDays: number[];
  /** Hold the batch to the city until a district officer has read and approved the summary. */
  reviewFirst: boolean;
  /** Chase late units daily for this many days after the deadline. */
  chaseDays: number;
  utcOffsetMinutes: number;
  deadlines: HalfYearDeadlines;
};

/** The settings every district cycle of a half-year starts with (the rest of its input is the half-year's own). */
export type CycleSettings = Pick<
  CycleWorkflowInput,
  'reminderWorkingDays' | 'reviewFirst' | 'chaseDays' | 'utcOffsetMinutes' | 'deadlines'
>;

/** The half-yearly Schedule opens the current half-year; by hand, a named one (a backfill). */
export type OpenCyclesInput = { cycle?: string; settings: CycleSettings };

export const CYCLE_PHASES = ['open', 'awaiting_review', 'chasing', 'closed'] as const;
export type CyclePhase = (typeof CYCLE_PHASES)[number];
export type CycleSnapshot = {
  cycle: string;
  districtId: string;
  phase: CyclePhase;
  submittedUnitIds: string[];
  lateUnitIds: string[];
  forwardedCaseIds: string[];
};

export const cycleRowId = (cycle: string, districtId: string) => `${cycle}:${districtId}`;
