import { ApplicationFailure } from '@temporalio/activity';
import { randomUUID } from 'node:crypto';
import type { CaseEventRecord, CaseWorkflowInput } from '../workflows/definitions.ts';
import type { ActivityDeps } from './index.ts';

export type ProjectCaseEventInput = { workflow: CaseWorkflowInput; event: CaseEventRecord };

export function createLedgerActivities({ prisma, clock }: Pick<ActivityDeps, 'prisma' | 'clock'>) {
  return {
    /**
     * Writes one workflow transition into the ledger: the event row and the case row's new state.
     * Safe to run any number of times: the event is keyed by (case, sequence), and the case row only
     * moves forward, so a retried or replayed projection changes nothing.
     */
    async projectCaseEvent({ workflow, event }: ProjectCaseEventInput): Promise<{ number: number }> {
      const occurredAt = new Date(event.occurredAt);
      return prisma.$transaction(async (tx) => {
        const filing = workflow.filing;
        const row = await tx.case.upsert({
          where: { id: workflow.caseId },
          create: {
            id: workflow.caseId,
            workflowId: `case-${workflow.caseId}`,
            idempotencyKey: workflow.idempotencyKey,
            requestHash: workflow.requestHash,
            filingUnitId: workflow.filingUnitId,
            filedByUserId: workflow.filedBy.userId,
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
            status: event.toStatus,
            eventSequence: 0,
            filedAt: occurredAt,
            updatedAt: clock.now(),
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
        const terminal = event.toStatus === 'closed' || event.toStatus === 'rejected' || event.toStatus === 'merged';
        const moved = await tx.case.updateMany({
          where: { id: workflow.caseId, eventSequence: { lt: event.sequence } },
          data: {
            status: event.toStatus,
            eventSequence: event.sequence,
            updatedAt: occurredAt,
            ...(terminal ? { closedAt: occurredAt } : {}),
          },
        });
        if (moved.count !== 1) {
          throw ApplicationFailure.retryable(`case ${workflow.caseId} moved concurrently`, 'ProjectionRace');
        }
        return { number: row.number };
      });
    },
  };
}
