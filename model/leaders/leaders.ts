import type { ItemCounts, LeaderRank, Quotas } from './four-leads.ts';
import type { Actor } from '../directory/roles.ts';

/** The hour of the district's day (09:00) at which a quota tracker reminds its unit on each reminder date. */
export const REMINDER_HOUR = 9;

/** What a quota tracker needs, fixed when it starts: a year's quotas are those configured when it began. */
export type QuotaSettings = {
  quotas: Quotas;
  /** `MM-DD` days on which the unit is reminded (09:00 district time) of leaders who are behind. */
  reminderDates: string[];
  utcOffsetMinutes: number;
};

export type QuotaTrackerInput = QuotaSettings & { year: number; unitId: string };

/** One unit's leaders for a year, as far as the tracker last counted. */
export type UnitStandingSummary = {
  computedAt: string;
  leaders: Array<{ leaderId: string; name: string; rank: LeaderRank; behind: boolean; done: ItemCounts; missing: ItemCounts }>;
};

export type QuotaTrackerSnapshot = {
  year: number;
  unitId: string;
  phase: 'tracking' | 'frozen';
  standing: UnitStandingSummary | null;
  reminders: Array<{ date: string; leaderIds: string[] }>;
};

export type OpenQuotaTrackersInput = { year?: number; settings: QuotaSettings };

/** A unit's clerk submits its Appendix 1 and 2 to the district's half-year cycle; the server adds the year's rules. */
export type AppendixSubmissionRequest = {
  actor: Actor;
  rules: Pick<QuotaSettings, 'quotas' | 'utcOffsetMinutes'>;
  /** The API found the unit keeping active leaders when it asked (the cycle may not know it yet). */
  keepsLeaders?: boolean;
};
