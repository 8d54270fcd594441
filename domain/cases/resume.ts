import type { Case, CaseEvent } from '../../generated/prisma/client.ts';
import { addWorkingDays, type CalendarExceptions } from '../../model/calendar/working-days.ts';
import { workingDaysAt, type CaseResume, type DeadlinePolicy, type ResumedClock } from '../../model/cases/case.ts';
import { parseCaseDetails } from '../../model/cases/case-details.ts';
import { parseCaseEventData } from '../../model/cases/event-data.ts';
import type { CaseFiling } from '../../model/cases/filing.ts';
import { holdingLevelOf, type CaseEventType } from '../../model/cases/lifecycle.ts';
import type { Level } from '../../model/cases/outcome.ts';

type EventRow = Pick<CaseEvent, 'sequence' | 'type' | 'toStatus' | 'occurredAt' | 'data'>;
type Facts = {
  policy: DeadlinePolicy;
  /** The working-day calendar at the case's version (the one its deadlines were computed with). */
  calendar: CalendarExceptions;
  /** The owner's unit, looked up from the users (the row keeps the owner's user id only). */
  ownerOrgUnitId: string | null;
};

/** The events that start a level's clock afresh, and the level they start it at. */
const CLOCK_STARTS: Partial<Record<CaseEventType, (event: EventRow) => Level | null>> = {
  // Only an urgent filing goes to the district at once; a regular one stays in its unit's ledger.
  filed: (e) => (e.toStatus === 'district_review' ? 'district' : null),
  submitted_to_district: () => 'district',
  submitted_with_ledger: () => 'district',
  forwarded_to_municipal: () => 'municipal',
  reopened: (e) => (e.toStatus === 'municipal_coordination' ? 'municipal' : 'district'),
};
/** Events after which no level's clock runs: a result went back to the street, or the case left the table. */
const CLOCK_STOPS: readonly CaseEventType[] = ['solved_at_district', 'resolved_by_municipal', 'declared_unsolvable', 'merged', 'rejected'];
/** The milestones each deadline event says were reached (the workflow records only the latest of those due at once). */
const MILESTONES_SENT: Partial<Record<CaseEventType, ResumedClock['sent']>> = {
  deadline_reminder_50: [50],
  deadline_reminder_75: [50, 75],
  deadline_overdue: [50, 75, 100],
};

type ClockSoFar = { level: Level; enteredAt: number; pausedMs: number; pausedAt?: number; sent: ResumedClock['sent'] };

/**
 * The state an open case's workflow takes up again after Temporal's history was lost, from its
 * ledger row and events alone: the row's status, level, filing, details and owner, and the deadline
 * clock replayed from the events (when the level took the case, the pauses while it was back with
 * the street, the reminders already sent). The deadline is the row's while the clock runs; while it
 * is paused the row shows none, and it is worked out again as the workflow did: the level's working
 * days from when it took the case, on the case's calendar version, moved on by the time paused.
 */
export function caseResumeOf(row: Case, events: EventRow[], facts: Facts): CaseResume {
  let clock: ClockSoFar | null = null;
  for (const event of [...events].sort((a, b) => a.sequence - b.sequence)) {
    const type = event.type as CaseEventType;
    const at = event.occurredAt.getTime();
    const starts = CLOCK_STARTS[type]?.(event);
    if (starts) clock = { level: starts, enteredAt: at, pausedMs: 0, sent: [] };
    else if (CLOCK_STOPS.includes(type)) clock = null;
    else if (type === 'returned_for_info' && clock) clock.pausedAt ??= at;
    else if (type === 'resubmitted') {
      // Returned before its deadline was worked out, the case starts the district's clock on resubmission.
      if (!clock) clock = { level: 'district', enteredAt: at, pausedMs: 0, sent: [] };
      else if (clock.pausedAt !== undefined) {
        clock.pausedMs += at - clock.pausedAt;
        clock.pausedAt = undefined;
      }
    }
    const sent = MILESTONES_SENT[type];
    if (sent && clock) clock.sent = [...sent];
  }
  const filing = filingOf(row);
  const resumedClock = clock && {
    level: clock.level,
    startedAt: clock.enteredAt + clock.pausedMs,
    dueAt:
      clock.pausedAt === undefined && row.dueAt
        ? row.dueAt.getTime()
        : addWorkingDays(
            new Date(clock.enteredAt),
            workingDaysAt(facts.policy, clock.level, filing.urgent),
            facts.calendar,
            facts.policy.utcOffsetMinutes,
          ).getTime() + clock.pausedMs,
    sent: clock.sent,
    ...(clock.pausedAt === undefined ? {} : { pausedAt: clock.pausedAt }),
  };
  const holding = holdingLevelOf(row.status);
  return {
    status: row.status,
    responsibleLevel: row.responsibleLevel,
    lastSequence: row.eventSequence,
    filing,
    details: parseCaseDetails(row.details),
    calendarVersion: row.calendarVersion,
    owner:
      row.ownerUserId && facts.ownerOrgUnitId && holding
        ? { userId: row.ownerUserId, orgUnitId: facts.ownerOrgUnitId, level: holding, sequence: row.ownerSequence ?? row.eventSequence }
        : null,
    clock: resumedClock,
    feedbackDueAt: row.status === 'awaiting_feedback' ? (row.dueAt?.getTime() ?? feedbackDueFrom(events, facts)) : null,
    attachmentIds: events.flatMap((e) => (parseCaseEventData(e.data).attachments ?? []).map((a) => a.id)),
  };
}

/** The filing as the workflow holds it (edits of resubmissions included), from the row's columns. */
function filingOf(row: Case): CaseFiling {
  return {
    kind: row.kind,
    urgent: row.urgent,
    title: row.title,
    description: row.description,
    category: row.category,
    location: row.location,
    foundOn: row.foundOn.toISOString().slice(0, 10),
    triedLocally: row.triedLocally,
    helpNeeded: row.helpNeeded,
    reporter: {
      name: row.reporterName,
      ...(row.reporterContact === null ? {} : { contact: row.reporterContact }),
      ...(row.reporterEmail === null ? {} : { email: row.reporterEmail }),
    },
  };
}

/** A row awaiting feedback always shows its deadline; should it not, it is worked out from the result. */
function feedbackDueFrom(events: EventRow[], facts: Facts): number {
  const result = events.filter((e) => e.toStatus === 'awaiting_feedback').sort((a, b) => b.sequence - a.sequence)[0];
  return addWorkingDays(
    result?.occurredAt ?? new Date(0),
    facts.policy.feedbackDays,
    facts.calendar,
    facts.policy.utcOffsetMinutes,
  ).getTime();
}
