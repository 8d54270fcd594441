import type { CaseKind } from '../cases/filing.ts';
import type { CaseEventType, CaseStatus } from '../cases/lifecycle.ts';
import type { ActivityKind } from '../leaders/four-leads.ts';

/**
 * What a webhook can be told, and the ledger rows each kind comes from: the case events the
 * projection wrote, the reminders and chases the half-year cycle sent, the leader activities waiting
 * for a street/park's confirmation. The webhook feed reads those rows; nothing else emits events.
 */
export const WEBHOOK_EVENT_KINDS = [
  'filed',
  'forwarded',
  'returned',
  'resolved',
  'overdue',
  'cycle_deadline',
  'confirmation_waiting',
] as const;
export type WebhookEventKind = (typeof WEBHOOK_EVENT_KINDS)[number];

/** The case events a webhook hears of, by the kind it subscribes to. */
export const CASE_EVENT_KIND = {
  filed: 'filed',
  forwarded_to_municipal: 'forwarded',
  returned_for_info: 'returned',
  solved_at_district: 'resolved',
  resolved_by_municipal: 'resolved',
  deadline_overdue: 'overdue',
} as const satisfies Partial<Record<CaseEventType, WebhookEventKind>>;
export type NotifiedCaseEvent = keyof typeof CASE_EVENT_KIND;
export const NOTIFIED_CASE_EVENTS = Object.keys(CASE_EVENT_KIND) as NotifiedCaseEvent[];

type UnitRef = { id: string; code: string; name: string };

/**
 * One event as every webhook receives it (the JSON format's body; the group-robot formats write it as
 * text). `id` is the same for every webhook and every retry: a receiver drops a repeat by it.
 */
export type WebhookEvent = {
  id: string;
  type: WebhookEventKind;
  occurredAt: string;
  case?: {
    id: string;
    number: number;
    title: string;
    kind: CaseKind;
    urgent: boolean;
    /** The ledger's own step (`forwarded_to_municipal`), finer than `type`. */
    step: CaseEventType;
    /** Where the case stood after this event. */
    status: CaseStatus;
    /** Its deadline then, while no later event has moved it (else null). */
    dueAt: string | null;
    filingUnit: UnitRef;
  };
  cycle?: {
    cycle: string;
    district: UnitRef;
    deadlineAt: string;
    /** Reminders: working days left to the deadline. */
    workingDaysLeft: number | null;
    /** Chases: days past it. */
    daysLate: number | null;
    /** The units that still owe their ledger or appendices. */
    owing: UnitRef[];
  };
  confirmation?: {
    activityId: string;
    activityKind: ActivityKind;
    occurredOn: string;
    leader: { id: string; name: string; unit: UnitRef };
    /** The street/park that confirms it. */
    confirmingUnit: UnitRef;
  };
};
