import { ApplicationFailure } from '@temporalio/activity';
import { randomUUID } from 'node:crypto';
import { loadCalendar } from '../domain/calendar.ts';
import { type Prisma } from '../lib/db.ts';
import { addWorkingDays } from '../lib/working-days.ts';
import type { CaseEventRecord, CaseProjection, CaseWorkflowInput } from '../model/case.ts';
import { parseCaseDetails, type PrimaryOutcome } from '../model/case-details.ts';
import { isFinalStatus } from '../model/lifecycle.ts';
import type { ActivityDeps } from './index.ts';

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
  };
}

export function createLedgerActivities({ prisma }: Pick<ActivityDeps, 'prisma' | 'clock'>) {
  return {
    /**
     * Writes one workflow event into the ledger: the event row, and the case row as the workflow
     * saw it. Safe to run any number of times: the event is keyed by (case, sequence), and the case
     * row only moves forward, so a retried or replayed projection changes nothing.
     */
    async projectCaseEvent({ workflow, event }: ProjectCaseEventInput): Promise<{ number: number }> {
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
          select: { number: true, eventSequence: true },
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
          data: { ...fields, eventSequence: event.sequence, updatedAt: occurredAt, closedAt },
        });
        if (moved.count !== 1) throw ApplicationFailure.retryable(`case ${workflow.caseId} moved concurrently`, 'ProjectionRace');
        return { number: row.number };
      });
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
