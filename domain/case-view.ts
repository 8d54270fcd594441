import type { CaseEvent, Case, OrgUnit } from '../generated/prisma/client.ts';
import type { AuthenticatedUser } from './auth.ts';

export type CaseRowWithEvents = Case & { filingUnit: OrgUnit; events: CaseEvent[] };

/** What the API shows of a case: the ledger row, its history, and what the caller can do next. */
export function toCaseView(row: CaseRowWithEvents, user: AuthenticatedUser) {
  return {
    id: row.id,
    number: row.number,
    workflowId: row.workflowId,
    status: row.status,
    kind: row.kind,
    urgent: row.urgent,
    title: row.title,
    description: row.description,
    category: row.category,
    location: row.location,
    foundOn: row.foundOn.toISOString().slice(0, 10),
    triedLocally: row.triedLocally,
    helpNeeded: row.helpNeeded,
    reporter: { name: row.reporterName, contact: row.reporterContact, email: row.reporterEmail },
    filingUnit: { id: row.filingUnit.id, code: row.filingUnit.code, name: row.filingUnit.name },
    filedAt: row.filedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    history: row.events.map((e) => ({
      sequence: e.sequence,
      type: e.type,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorRole: e.actorRole,
      comment: e.comment,
      occurredAt: e.occurredAt.toISOString(),
    })),
    allowedActions: allowedActions(row, user),
  };
}

export type CaseView = ReturnType<typeof toCaseView>;

function allowedActions(row: Case, user: AuthenticatedUser): string[] {
  if (user.role === 'street_staff' && row.filingUnitId === user.orgUnitId && row.status === 'awaiting_submission') {
    return ['submit'];
  }
  return [];
}
