import type { Actor, Role } from '../directory/roles.ts';
import type { QuotaRounding } from '../../lib/config.ts';
import type { NominationKind, NominationSource } from './vocabulary.ts';
import { ROUND_LIFECYCLE, type RoundAction, type RoundEventType, type RoundPhase } from './round-lifecycle.ts';

// The yearly recommendation round of a street/park: what its workflow, its Updates and the API share.

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
  /** Who opened it (its `opened` event); absent in rounds started before rounds recorded events. */
  openedBy?: Actor;
};

/** Where a round's events are written: its row's identity, fixed when it opens. */
export type RoundIdentity = { roundId: string; year: number; unitId: string; districtId: string; submitByAt: string };

/** The round's row as of an event: what the projection writes beside the event. */
export type RoundRow = {
  phase: RoundPhase;
  registeredCount: number;
  quota: number;
  submittedAt: string | null;
  late: boolean;
  decisionNote: string | null;
  returnReason: string | null;
  approvedAt: string | null;
};

export type RoundSnapshot = RoundIdentity &
  RoundRow & {
    /**
     * Grows with every change, so an older projection never overwrites a newer one: the sequence of the
     * last event (rounds started before rounds recorded events: a count of snapshots projected).
     */
    version: number;
    nominations: Nomination[];
  };

/** One change of a round, as its workflow records it: the event row and the round row it leaves behind. */
export type RoundEventRecord = {
  sequence: number;
  type: RoundEventType;
  actor: Actor | null;
  fromPhase: RoundPhase | null;
  toPhase: RoundPhase;
  /** The reason of a return, the note of a decision, a nomination's reason. */
  comment: string | null;
  /** What the event did to the nominations: the one nominated (with all its sources), or the keys now shortlisted or selected. */
  nomination?: Nomination;
  shortlisted?: string[];
  selected?: string[];
  occurredAt: string;
  /** The round's row as this event leaves it. */
  row: RoundRow;
};

export const roundRowId = (year: number, unitId: string) => `${year}:${unitId}`;
export const subjectKeyOf = (kind: NominationKind, subjectId: string) => `${kind}:${subjectId}`;

/** What each step carries (indexed by every `RoundAction`, so a step without its command does not compile). */
export type RoundCommands = {
  nominate: { kind: NominationKind; subjectId: string; source: NominationSource; reason: string };
  shortlist: { subjectKeys: string[] };
  decide: { selected: string[]; note?: string };
  submit: Record<string, never>;
  approve: Record<string, never>;
  return: { reason: string };
};

export type RoundRequest<A extends RoundAction> = { actor: Actor; command: RoundCommands[A] };

/** A submission with more members than the quota allows. */
export const QUOTA_EXCEEDED = 'QuotaExceeded';

/**
 * Whose round it is to act on, beside the role the table asks for: a street/park's clerks run their
 * own round, and the officers of its district review it. Another unit's clerk or officer may take no step.
 */
export function actsOnRound(round: { unitId: string; districtId: string }, taker: { role: Role; orgUnitId: string }): boolean {
  if (taker.role === 'street_staff') return taker.orgUnitId === round.unitId;
  if (taker.role === 'district_officer') return taker.orgUnitId === round.districtId;
  return false;
}

/** What the caller may do to the round now: the table's steps for the role, none outside its scope. */
export const roundActionsFor = (
  round: { unitId: string; districtId: string; phase: RoundPhase },
  taker: { role: Role; orgUnitId: string },
) => (actsOnRound(round, taker) ? ROUND_LIFECYCLE.allowedActions(round.phase, taker.role) : []);
