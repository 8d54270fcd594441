import type { Actor, Role } from '../directory/roles.ts';
import type { CaseDetails } from './case-details.ts';
import type { CaseAction, CaseEventType, CaseStatus } from './lifecycle.ts';
import type { CaseFiling } from './filing.ts';
import type { Level } from './outcome.ts';
import type { FileRef } from './case-actions.ts';
import type { CaseOwner } from './owner.ts';

/**
 * The case model shared by the API, the activities and the workflows: plain types and constants, no
 * Temporal handles (those live in workflows/definitions.ts) and no I/O, so every layer can import it.
 */
/** Working days each level has, fixed into the workflow when the case is filed. */
export type DeadlinePolicy = {
  districtDays: number;
  municipalDays: number;
  urgentDistrictDays: number;
  urgentMunicipalDays: number;
  /** After the result reaches the street: working days to record the reporter's answer before the case closes. */
  feedbackDays: number;
  /** The district's UTC offset, for counting working days by its local dates. */
  utcOffsetMinutes: number;
};

/** The working days a level has for a case: the workflow's clock and a clock re-armed from the ledger count alike. */
export const workingDaysAt = (policy: DeadlinePolicy, level: Level, urgent: boolean) =>
  level === 'municipal'
    ? urgent
      ? policy.urgentMunicipalDays
      : policy.municipalDays
    : urgent
      ? policy.urgentDistrictDays
      : policy.districtDays;

export type CaseWorkflowInput = {
  caseId: string;
  filingUnitId: string;
  filedBy: Actor;
  idempotencyKey: string;
  requestHash: string;
  filing: CaseFiling;
  policy: DeadlinePolicy;
  /**
   * Set when the case is started again from its ledger state (`npm run rebuild`, after Temporal's
   * history was lost): the workflow takes up this state instead of filing the case. Absent from
   * every filing, so histories started before it replay unchanged.
   */
  resume?: CaseResume;
};

/** A level's deadline clock as the ledger's events re-arm it (epoch milliseconds, like the workflow's). */
export type ResumedClock = {
  level: Level;
  startedAt: number;
  dueAt: number;
  /** The reminders (50, 75 %) and the overdue notice (100) already recorded. */
  sent: Array<50 | 75 | 100>;
  /** Set while the case is back with the street for more information: when that pause began. */
  pausedAt?: number;
};

/** The state of an open case as the ledger holds it: where a resumed workflow takes up. */
export type CaseResume = {
  status: CaseStatus;
  responsibleLevel: Level;
  /** The last event in the ledger: the resumed workflow's events continue after it. */
  lastSequence: number;
  filing: CaseFiling;
  details: CaseDetails;
  calendarVersion: number | null;
  owner: (CaseOwner & { sequence: number }) | null;
  clock: ResumedClock | null;
  /** While awaiting the reporter's feedback: when the case closes without an answer. */
  feedbackDueAt: number | null;
  /** Files already in the history, so a late signal of one adds it no second time. */
  attachmentIds: string[];
};

/** The projected state of the case after one event: the ledger row is overwritten with it. */
export type CaseProjection = {
  status: CaseStatus;
  responsibleLevel: Level;
  dueAt: string | null;
  overdue: boolean;
  calendarVersion: number | null;
  filing: CaseFiling;
  details: CaseDetails;
  /** Who holds the case inside its level, and the event that named them; absent from workflows older than owners. */
  owner?: (CaseOwner & { sequence: number }) | null;
};

/** What an event records besides its comment: the owner it named, the files it added or answered with. */
export type CaseEventData = { owner?: { userId: string }; attachments?: FileRef[] };

export type CaseEventRecord = {
  sequence: number;
  type: CaseEventType;
  actor: Actor | null;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  comment: string | null;
  /** Absent from events of workflows older than owners and files in the history. */
  data?: CaseEventData;
  occurredAt: string;
  state: CaseProjection;
};

export type CaseSnapshot = {
  caseId: string;
  status: CaseStatus;
  urgent: boolean;
  requestHash: string;
  responsibleLevel: Level;
  dueAt: string | null;
  overdue: boolean;
  /** What each role may do next (scope aside: that is the API's to check). */
  nextActions: Partial<Record<Role, CaseAction[]>>;
  /** Who holds the case inside its level (absent from workflows older than owners). */
  owner?: CaseOwner | null;
  /** Highest event sequence already written to the ledger. */
  projectedSequence: number;
  lastSequence: number;
};
