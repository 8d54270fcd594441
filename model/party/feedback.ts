import type { FeedbackDates } from './rules.ts';

// The year-end feedback of members' service records to their home units: what its workflow and the API share.

export type FeedbackSettings = { dates: FeedbackDates; chaseDays: number; utcOffsetMinutes: number };

/** The yearly Schedule opens the feedback of the current district year; by hand, a named one (a backfill). */
export type OpenMemberFeedbackInput = { year?: number; settings: FeedbackSettings };

export type MemberFeedbackInput = {
  year: number;
  opensAt: string;
  /** Compiled and mailed to every home unit at this moment (or at once, for a past year). */
  deliverAt: string;
  deadlineAt: string;
  /** Communities with unconfirmed records are chased every so many days until delivery. */
  chaseDays: number;
  utcOffsetMinutes: number;
};

export type FeedbackSnapshot = { year: number; phase: 'collecting' | 'delivered'; chaseRounds: number; deliveredUnitIds: string[] };
