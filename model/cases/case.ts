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

export type CaseWorkflowInput = {
  caseId: string;
  filingUnitId: string;
  filedBy: Actor;
  idempotencyKey: string;
  requestHash: string;
  filing: CaseFiling;
  policy: DeadlinePolicy;
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
