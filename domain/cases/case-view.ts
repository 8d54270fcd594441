import type { Case, OrgUnit } from '../../generated/prisma/client.ts';
import { parseCaseDetails } from '../../model/cases/case-details.ts';
import { availableActions } from '../../model/cases/lifecycle.ts';
import { toAttachmentView } from '../attachments.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import type { CaseRowWithEvents } from './visible-case.ts';

/** A ledger row as lists show it. */
export function toCaseSummary(row: Case & { filingUnit: OrgUnit }) {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    kind: row.kind,
    urgent: row.urgent,
    title: row.title,
    category: row.category,
    location: row.location,
    filingUnit: { id: row.filingUnit.id, code: row.filingUnit.code, name: row.filingUnit.name },
    responsibleLevel: row.responsibleLevel,
    dueAt: row.dueAt?.toISOString() ?? null,
    overdue: row.overdue,
    filedAt: row.filedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
  };
}

/** What the API shows of one case: the ledger row, its history, and what the caller can do next. */
export function toCaseView(row: CaseRowWithEvents, user: AuthenticatedUser) {
  return {
    ...toCaseSummary(row),
    workflowId: row.workflowId,
    description: row.description,
    foundOn: row.foundOn.toISOString().slice(0, 10),
    triedLocally: row.triedLocally,
    helpNeeded: row.helpNeeded,
    reporter: { name: row.reporterName, contact: row.reporterContact, email: row.reporterEmail },
    calendarVersion: row.calendarVersion,
    details: parseCaseDetails(row.details),
    history: row.events.map((e) => ({
      sequence: e.sequence,
      type: e.type,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actorRole: e.actorRole,
      comment: e.comment,
      occurredAt: e.occurredAt.toISOString(),
    })),
    attachments: (row.attachments ?? []).map(toAttachmentView),
    // Visibility already limits street staff to their own unit, districts to theirs, the city to what was forwarded.
    allowedActions: availableActions(row.status, user.role),
  };
}
