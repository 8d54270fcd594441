import { ApplicationFailure } from '@temporalio/activity';
import { randomUUID } from 'node:crypto';
import { loadCalendar } from '../../domain/calendar/calendar.ts';
import { searchGrams } from '../../domain/cases/case-search.ts';
import { categoryKey, countsAsMerged, placeKey, RESULT_EVENTS, statisticsOutcome } from '../../domain/statistics/ledger-keys.ts';
import { refusedValue, type Db } from '../../lib/db.ts';
import { addWorkingDays } from '../../model/calendar/working-days.ts';
import type { CaseEventRecord, CaseWorkflowInput } from '../../model/cases/case.ts';
import { parseCaseDetails } from '../../model/cases/case-details.ts';
import { type PrimaryOutcome } from '../../model/cases/outcome.ts';
import { isFinalStatus } from '../../model/cases/lifecycle.ts';
import type { ActivityDeps } from '../deps.ts';
import { LEDGER_REFUSAL } from '../../workflows/definitions.ts';

type ProjectCaseEventInput = { workflow: CaseWorkflowInput; event: CaseEventRecord };
type ComputeDeadlineInput = { from: string; workingDays: number; calendarVersion: number | null; utcOffsetMinutes: number };

/**
 * The projection of one event, as one SQL statement (atomic on its own, one round trip): the case
 * row is created with its first event or moved forward to this one, and only if it moved are the
 * event row and the case's `case_facts` row written. The row only moves forward (the ON CONFLICT's
 * WHERE), so a retried or replayed projection changes nothing and returns the case's number. Two
 * projections of one case at once serialise on the row's lock; the later sequence wins.
 *
 * `case_facts` holds the case's state as the statistics count it, and what accumulates over its
 * events (first result, overdue, the reporter's answers) merged into what the row already holds.
 */
async function writeCaseEvent(prisma: Db, { workflow, event }: ProjectCaseEventInput): Promise<{ number: number }> {
  const { state } = event;
  const { filing } = state;
  const occurredAt = new Date(event.occurredAt);
  const closedAt = isFinalStatus(state.status) ? occurredAt : null;
  const dueAt = state.dueAt ? new Date(state.dueAt) : null;
  const forwarded = event.type === 'forwarded_to_municipal';
  const category = filing.category.trim();
  const firstResultAt = RESULT_EVENTS.includes(event.type) ? occurredAt : null;
  const satisfied = event.type === 'reporter_satisfied' ? 1 : 0;
  const answers = event.type === 'reporter_satisfied' || event.type === 'reopened' ? 1 : 0;
  // Workflows older than owners project no owner at all: none.
  const owner = state.owner ?? null;
  const rows = await prisma.$queryRaw<Array<{ number: number }>>`
    WITH moved AS (
      INSERT INTO cases AS c (id, workflow_id, idempotency_key, request_hash, filing_unit_id, filed_by_user_id, kind, urgent,
        title, description, category, location, found_on, tried_locally, help_needed, reporter_name, reporter_contact,
        reporter_email, status, responsible_level, due_at, overdue, calendar_version, details, merged_into_case_id,
        search_grams, event_sequence, filed_at, updated_at, closed_at, forwarded_to_municipal, owner_user_id, owner_sequence,
        latitude, longitude, number)
      VALUES (${workflow.caseId}::uuid, ${`case-${workflow.caseId}`}, ${workflow.idempotencyKey}, ${workflow.requestHash},
        ${workflow.filingUnitId}::uuid, ${workflow.filedBy.userId}::uuid, ${filing.kind}::"CaseKind", ${filing.urgent},
        ${filing.title}, ${filing.description}, ${filing.category}, ${filing.location}, ${filing.foundOn}::date,
        ${filing.triedLocally}, ${filing.helpNeeded}, ${filing.reporter.name}, ${filing.reporter.contact ?? null},
        ${filing.reporter.email ?? null}, ${state.status}::"CaseStatus", ${state.responsibleLevel}::"Level", ${dueAt},
        ${state.overdue}, ${state.calendarVersion}, ${JSON.stringify(state.details)}::jsonb,
        ${state.details.mergedIntoCaseId ?? null}::uuid, ${searchGrams(filing)}::text[], ${event.sequence}, ${occurredAt},
        ${occurredAt}, ${closedAt}, ${forwarded}, ${owner?.userId ?? null}::uuid, ${owner?.sequence ?? null},
        ${filing.coordinates?.latitude ?? null}::float8, ${filing.coordinates?.longitude ?? null}::float8,
        -- Only the insert that creates the row draws a number: a column default would draw one for every
        -- later event too (evaluated before the conflict is found), and numbers people quote would jump.
        CASE WHEN EXISTS (SELECT 1 FROM cases WHERE id = ${workflow.caseId}::uuid) THEN 0
          ELSE nextval(pg_get_serial_sequence('cases', 'number')) END)
      ON CONFLICT (id) DO UPDATE SET
        kind = EXCLUDED.kind, urgent = EXCLUDED.urgent, title = EXCLUDED.title, description = EXCLUDED.description,
        category = EXCLUDED.category, location = EXCLUDED.location, found_on = EXCLUDED.found_on,
        tried_locally = EXCLUDED.tried_locally, help_needed = EXCLUDED.help_needed, reporter_name = EXCLUDED.reporter_name,
        reporter_contact = EXCLUDED.reporter_contact, reporter_email = EXCLUDED.reporter_email, status = EXCLUDED.status,
        responsible_level = EXCLUDED.responsible_level, due_at = EXCLUDED.due_at, overdue = EXCLUDED.overdue,
        calendar_version = EXCLUDED.calendar_version, details = EXCLUDED.details,
        merged_into_case_id = EXCLUDED.merged_into_case_id, search_grams = EXCLUDED.search_grams,
        event_sequence = EXCLUDED.event_sequence, updated_at = EXCLUDED.updated_at, closed_at = EXCLUDED.closed_at,
        forwarded_to_municipal = c.forwarded_to_municipal OR EXCLUDED.forwarded_to_municipal,
        owner_user_id = EXCLUDED.owner_user_id, owner_sequence = EXCLUDED.owner_sequence,
        latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude
      WHERE c.event_sequence < EXCLUDED.event_sequence
      RETURNING c.number, c.filed_at
    ), recorded AS (
      INSERT INTO case_events (id, case_id, sequence, type, actor_user_id, actor_role, from_status, to_status, comment, data, occurred_at)
      SELECT ${randomUUID()}::uuid, ${workflow.caseId}::uuid, ${event.sequence}, ${event.type}, ${event.actor?.userId ?? null}::uuid,
        ${event.actor?.role ?? null}::"Role", ${event.fromStatus}::"CaseStatus", ${event.toStatus}::"CaseStatus",
        ${event.comment}, ${JSON.stringify(event.data ?? {})}::jsonb, ${occurredAt}
      FROM moved
      ON CONFLICT (case_id, sequence) DO NOTHING
    ), facts AS (
      INSERT INTO case_facts AS f (case_id, filing_unit_id, filed_at, status, kind, category, category_key, place_key,
        forwarded_to_municipal, outcome, merged, first_result_at, went_overdue, satisfied_answers, feedback_answers)
      SELECT ${workflow.caseId}::uuid, ${workflow.filingUnitId}::uuid, moved.filed_at, ${state.status}::"CaseStatus",
        ${filing.kind}::"CaseKind", ${category}, ${categoryKey(category)}, ${placeKey(filing.location)}, ${forwarded},
        ${statisticsOutcome(state.status, state.details)}, ${countsAsMerged(state.status, state.details)}, ${firstResultAt},
        ${event.type === 'deadline_overdue'}, ${satisfied}, ${answers}
      FROM moved
      ON CONFLICT (case_id) DO UPDATE SET
        status = EXCLUDED.status, kind = EXCLUDED.kind, category = EXCLUDED.category, category_key = EXCLUDED.category_key,
        place_key = EXCLUDED.place_key, outcome = EXCLUDED.outcome, merged = EXCLUDED.merged,
        forwarded_to_municipal = f.forwarded_to_municipal OR EXCLUDED.forwarded_to_municipal,
        first_result_at = coalesce(f.first_result_at, EXCLUDED.first_result_at),
        went_overdue = f.went_overdue OR EXCLUDED.went_overdue,
        satisfied_answers = f.satisfied_answers + EXCLUDED.satisfied_answers,
        feedback_answers = f.feedback_answers + EXCLUDED.feedback_answers
    )
    SELECT number FROM moved
    UNION ALL
    SELECT number FROM cases WHERE id = ${workflow.caseId}::uuid AND NOT EXISTS (SELECT 1 FROM moved)`;
  const row = rows[0];
  if (!row) throw new Error(`case ${workflow.caseId} is neither in the ledger nor written`);
  return { number: row.number };
}

export function createLedgerActivities({ prisma }: Pick<ActivityDeps, 'prisma' | 'clock'>) {
  return {
    /**
     * Writes one workflow event into the ledger: the event row, and the case row as the workflow
     * saw it. Safe to run any number of times: the event is keyed by (case, sequence), and the case
     * row only moves forward, so a retried or replayed projection changes nothing. A value the
     * database refuses is refused for good: retrying it would hold the case (and its caller) forever.
     */
    async projectCaseEvent(input: ProjectCaseEventInput): Promise<{ number: number }> {
      try {
        return await writeCaseEvent(prisma, input);
      } catch (error) {
        const refusal = refusedValue(error);
        if (refusal) throw ApplicationFailure.nonRetryable(`the ledger refuses this case: ${refusal}`, LEDGER_REFUSAL);
        throw error;
      }
    },

    /** How a case ended, from its ledger row: for a duplicate whose primary closed before the merge reached it. */
    async recordedOutcome({ caseId }: { caseId: string }): Promise<PrimaryOutcome> {
      const row = await prisma.case.findUnique({ where: { id: caseId }, select: { number: true, status: true, details: true } });
      if (!row) throw ApplicationFailure.nonRetryable(`no case ${caseId} in the ledger`, 'CaseNotFound');
      const details = parseCaseDetails(row.details);
      return {
        caseId,
        number: row.number,
        status: row.status === 'rejected' ? 'rejected' : 'closed',
        ...(details.resolution ? { resolution: details.resolution } : {}),
        ...(details.rejectionReason ? { rejectionReason: details.rejectionReason } : {}),
      };
    },

    /** A deadline `workingDays` working days from `from`, on the given calendar version (the newest when null). */
    async computeDeadline({ from, workingDays, calendarVersion, utcOffsetMinutes }: ComputeDeadlineInput) {
      const calendar = await loadCalendar(prisma, calendarVersion);
      const dueAt = addWorkingDays(new Date(from), workingDays, calendar.exceptions, utcOffsetMinutes);
      return { dueAt: dueAt.toISOString(), calendarVersion: calendar.version };
    },
  };
}
