import { ApplicationFailure } from '@temporalio/activity';
import { randomUUID } from 'node:crypto';
import { loadCalendar } from '../domain/calendar.ts';
import { searchGrams } from '../domain/case-search.ts';
import { categoryKey, countsAsMerged, placeKey, RESULT_EVENTS, statisticsOutcome } from '../domain/ledger-keys.ts';
import { refusedValue, type Db, type Prisma } from '../lib/db.ts';
import { addWorkingDays } from '../lib/working-days.ts';
import type { CaseEventRecord, CaseProjection, CaseWorkflowInput } from '../model/case.ts';
import { parseCaseDetails, type PrimaryOutcome } from '../model/case-details.ts';
import { isFinalStatus } from '../model/lifecycle.ts';
import type { ActivityDeps } from './index.ts';
import { LEDGER_REFUSAL } from '../workflows/definitions.ts';

type ProjectCaseEventInput = { workflow: CaseWorkflowInput; event: CaseEventRecord };
type ComputeDeadlineInput = { from: string; workingDays: number; calendarVersion: number | null; utcOffsetMinutes: number };

function rowFields(state: CaseProjection) {
  const { filing } = state;
  return {
    kind: filing.kind,
    urgent: filing.urgent,
    title: filing.title,
    description: filing.description,
    category: filing.category,
    location: filing.location,
    foundOn: new Date(filing.foundOn),
    triedLocally: filing.triedLocally,
    helpNeeded: filing.helpNeeded,
    reporterName: filing.reporter.name,
    reporterContact: filing.reporter.contact ?? null,
    reporterEmail: filing.reporter.email ?? null,
    status: state.status,
    responsibleLevel: state.responsibleLevel,
    dueAt: state.dueAt ? new Date(state.dueAt) : null,
    overdue: state.overdue,
    calendarVersion: state.calendarVersion,
    details: state.details as Prisma.InputJsonObject,
    mergedIntoCaseId: state.details.mergedIntoCaseId ?? null,
    searchGrams: searchGrams(filing),
  };
}

/**
 * The case's row in `case_facts` after this event: its state as the statistics count it, and what
 * accumulates over its events (first result, overdue, the reporter's answers) merged into what the
 * row already holds. Written once per event, inside the projection's transaction.
 */
function upsertFacts(tx: Prisma.TransactionClient, workflow: CaseWorkflowInput, event: CaseEventRecord, filedAt: Date) {
  const { state } = event;
  const occurredAt = new Date(event.occurredAt);
  const category = state.filing.category.trim();
  const firstResultAt = RESULT_EVENTS.includes(event.type) ? occurredAt : null;
  const satisfied = event.type === 'reporter_satisfied' ? 1 : 0;
  const answers = event.type === 'reporter_satisfied' || event.type === 'reopened' ? 1 : 0;
  return tx.$executeRaw`
    INSERT INTO case_facts AS f (case_id, filing_unit_id, filed_at, status, kind, category, category_key, place_key,
      forwarded_to_municipal, outcome, merged, first_result_at, went_overdue, satisfied_answers, feedback_answers)
    VALUES (${workflow.caseId}::uuid, ${workflow.filingUnitId}::uuid, ${filedAt}, ${state.status}::"CaseStatus",
      ${state.filing.kind}::"CaseKind", ${category}, ${categoryKey(category)}, ${placeKey(state.filing.location)},
      ${event.type === 'forwarded_to_municipal'}, ${statisticsOutcome(state.status, state.details)},
      ${countsAsMerged(state.status, state.details)}, ${firstResultAt}, ${event.type === 'deadline_overdue'}, ${satisfied}, ${answers})
    ON CONFLICT (case_id) DO UPDATE SET
      status = EXCLUDED.status, kind = EXCLUDED.kind, category = EXCLUDED.category, category_key = EXCLUDED.category_key,
      place_key = EXCLUDED.place_key, outcome = EXCLUDED.outcome, merged = EXCLUDED.merged,
      forwarded_to_municipal = f.forwarded_to_municipal OR EXCLUDED.forwarded_to_municipal,
      first_result_at = coalesce(f.first_result_at, EXCLUDED.first_result_at),
      went_overdue = f.went_overdue OR EXCLUDED.went_overdue,
      satisfied_answers = f.satisfied_answers + EXCLUDED.satisfied_answers,
      feedback_answers = f.feedback_answers + EXCLUDED.feedback_answers`;
}

/** The projection itself: the case row (created with the first event) and the event, in one transaction. */
async function writeCaseEvent(prisma: Db, { workflow, event }: ProjectCaseEventInput): Promise<{ number: number }> {
  const occurredAt = new Date(event.occurredAt);
  const fields = rowFields(event.state);
  const closedAt = isFinalStatus(event.state.status) ? occurredAt : null;
  return prisma.$transaction(async (tx) => {
    const row = await tx.case.upsert({
      where: { id: workflow.caseId },
      create: {
        id: workflow.caseId,
        workflowId: `case-${workflow.caseId}`,
        idempotencyKey: workflow.idempotencyKey,
        requestHash: workflow.requestHash,
        filingUnitId: workflow.filingUnitId,
        filedByUserId: workflow.filedBy.userId,
        ...fields,
        eventSequence: 0,
        filedAt: occurredAt,
        updatedAt: occurredAt,
      },
      update: {},
      select: { number: true, eventSequence: true, filedAt: true },
    });
    if (row.eventSequence >= event.sequence) return { number: row.number };
    await tx.caseEvent.createMany({
      data: [
        {
          id: randomUUID(),
          caseId: workflow.caseId,
          sequence: event.sequence,
          type: event.type,
          actorUserId: event.actor?.userId ?? null,
          actorRole: event.actor?.role ?? null,
          fromStatus: event.fromStatus,
          toStatus: event.toStatus,
          comment: event.comment,
          occurredAt,
        },
      ],
      skipDuplicates: true,
    });
    const moved = await tx.case.updateMany({
      where: { id: workflow.caseId, eventSequence: { lt: event.sequence } },
      data: {
        ...fields,
        ...(event.type === 'forwarded_to_municipal' ? { forwardedToMunicipal: true } : {}),
        eventSequence: event.sequence,
        updatedAt: occurredAt,
        closedAt,
      },
    });
    if (moved.count !== 1) throw ApplicationFailure.retryable(`case ${workflow.caseId} moved concurrently`, 'ProjectionRace');
    await upsertFacts(tx, workflow, event, row.filedAt);
    return { number: row.number };
  });
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
