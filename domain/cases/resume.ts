import type { Case, CaseEvent } from '../../generated/prisma/client.ts';
import type { Db } from '../../lib/db.ts';
import { addWorkingDays, type CalendarExceptions } from '../../model/calendar/working-days.ts';
import { workingDaysAt, type CaseResume, type CaseWorkflowInput, type DeadlinePolicy, type ResumedClock } from '../../model/cases/case.ts';
import { parseCaseDetails } from '../../model/cases/case-details.ts';
import { parseCaseEventData } from '../../model/cases/event-data.ts';
import type { CaseFiling } from '../../model/cases/filing.ts';
import { holdingLevelOf, type CaseEventType } from '../../model/cases/lifecycle.ts';
import type { Level } from '../../model/cases/outcome.ts';
import { loadCalendar } from '../calendar/calendar.ts';
import { coordinatesOf } from './case-view.ts';

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

/** The events a resumed case's clock is replayed from: include them when reading the rows (`include: RESUME_EVENTS`). */
export const RESUME_EVENTS = {
  events: { select: { sequence: true, type: true, toStatus: true, occurredAt: true, data: true } },
} as const;
type RowWithEvents = Case & { events: EventRow[] };

/**
 * What starts open cases' workflows again from the ledger (`npm run rebuild`, and the replay history
 * of a resumed case): for each row, its workflow id and an input whose `resume` is the row's state.
 * The filer's role and the owner's unit are looked up once per batch of rows, each calendar version once.
 */
export function resumeInputsFromLedger(prisma: Db, policy: DeadlinePolicy) {
  const calendars = new Map<number | null, Promise<CalendarExceptions>>();
  const calendarAt = (version: number | null) => {
    if (!calendars.has(version))
      calendars.set(
        version,
        loadCalendar(prisma, version).then((c) => c.exceptions),
      );
    return calendars.get(version)!;
  };
  return async (rows: RowWithEvents[]): Promise<Array<{ workflowId: string; input: CaseWorkflowInput }>> => {
    const users = await prisma.user.findMany({
      where: { id: { in: rows.flatMap((r) => [r.filedByUserId, ...(r.ownerUserId ? [r.ownerUserId] : [])]) } },
      select: { id: true, role: true, orgUnitId: true },
    });
    const userById = new Map(users.map((u) => [u.id, u]));
    const inputs = [];
    for (const row of rows) {
      const filer = userById.get(row.filedByUserId);
      const resume = caseResumeOf(row, row.events, {
        policy,
        calendar: await calendarAt(row.calendarVersion),
        ownerOrgUnitId: (row.ownerUserId && userById.get(row.ownerUserId)?.orgUnitId) || null,
      });
      const input: CaseWorkflowInput = {
        caseId: row.id,
        filingUnitId: row.filingUnitId,
        filedBy: { userId: row.filedByUserId, role: filer?.role ?? 'street_staff', orgUnitId: filer?.orgUnitId ?? row.filingUnitId },
        idempotencyKey: row.idempotencyKey,
        requestHash: row.requestHash,
        filing: resume.filing,
        policy,
        resume,
      };
      inputs.push({ workflowId: row.workflowId, input });
    }
    return inputs;
  };
}

/** The filing as the workflow holds it (edits of resubmissions included), from the row's columns. */
function filingOf(row: Case): CaseFiling {
  const coordinates = coordinatesOf(row);
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
    // The projection writes the filing's point over the row's at every event: dropped here, it would be lost.
    ...(coordinates ? { coordinates } : {}),
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
