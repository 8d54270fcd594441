import type { FeedbackDates, QuotaRounding } from './rules.ts';
import type { Actor } from '../directory/roles.ts';

// Types of party members' double reporting (section Four), shared by the API and the workflows.

// ---- Year-end feedback to the home units -----------------------------------------------------------

export type FeedbackSettings = { dates: FeedbackDates; chaseDays: number; utcOffsetMinutes: number };

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

// ---- The yearly recommendation round of a street/park ----------------------------------------------

export const ROUND_PHASES = ['nominating', 'shortlisted', 'decided', 'submitted', 'returned', 'approved', 'expired'] as const;
export type RoundPhase = (typeof ROUND_PHASES)[number];
export const NOMINATION_KINDS = ['member', 'branch'] as const;
export type NominationKind = (typeof NOMINATION_KINDS)[number];
/** The notice's "combining form": residents and the organization both recommend. */
export const NOMINATION_SOURCES = ['residents', 'organization'] as const;
export type NominationSource = (typeof NOMINATION_SOURCES)[number];

export type Nomination = {
  subjectKey: string;
  kind: NominationKind;
  subjectId: string;
  sources: NominationSource[];
  reasons: Partial<Record<NominationSource, string>>;
  shortlisted: boolean;
  selected: boolean;
};

export type RoundWorkflowInput = {
  year: number;
  unitId: string;
  districtId: string;
  submitByAt: string;
  /** An unapproved round expires here (the end of its year). */
  endsAt: string;
  quotaPercent: number;
  quotaRounding: QuotaRounding;
};

export type RoundSnapshot = {
  roundId: string;
  year: number;
  unitId: string;
  districtId: string;
  phase: RoundPhase;
  registeredCount: number;
  quota: number;
  submitByAt: string;
  submittedAt: string | null;
  late: boolean;
  decisionNote: string | null;
  returnReason: string | null;
  approvedAt: string | null;
  /** Grows with every change, so an older projection never overwrites a newer one. */
  version: number;
  nominations: Nomination[];
};

export const roundRowId = (year: number, unitId: string) => `${year}:${unitId}`;
export const subjectKeyOf = (kind: NominationKind, subjectId: string) => `${kind}:${subjectId}`;

export type RoundCommands = {
  nominate: { kind: NominationKind; subjectId: string; source: NominationSource; reason: string };
  shortlist: { subjectKeys: string[] };
  decide: { selected: string[]; note?: string };
  submit: Record<string, never>;
  approve: Record<string, never>;
  return: { reason: string };
};
export type RoundAction = keyof RoundCommands;

export type RoundRequest<A extends RoundAction> = { actor: Actor; command: RoundCommands[A] };

/** A submission with more members than the quota allows. */
export const QUOTA_EXCEEDED = 'QuotaExceeded';
