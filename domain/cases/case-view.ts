import type { Case, OrgUnit } from '../../generated/prisma/client.ts';
import { shownContact } from '../../lib/contact-mask.ts';
import { parseCaseDetails, type CaseDetails } from '../../model/cases/case-details.ts';
import { parseCaseEventData } from '../../model/cases/event-data.ts';
import { viewActions, type ViewAction } from '../../model/cases/lifecycle.ts';
import { offersOwnerStep, type OwnerStep } from '../../model/cases/owner.ts';
import { toAttachmentView } from '../attachments.ts';
import type { Db } from '../../lib/db.ts';
import { recordPersonalDataAccess, type PersonalDataAccess } from '../auth/access-log.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { linkedCaseOf, mergeLinksOf, NO_MERGE_LINKS, type MergeLinks } from './merge-links.ts';
import { namesOf, personOf, type PeopleNames } from './people.ts';
import type { CaseRowWithEvents } from './visible-case.ts';

/** The filing unit holds its reporters' contact details: its own staff see them whole. */
export const holdsReporterContact = (row: Pick<Case, 'filingUnitId'>, user: AuthenticatedUser) =>
  user.role === 'street_staff' && user.orgUnitId === row.filingUnitId;

/** The reporter as every case output shows them: contact details masked for all but the filing unit. */
function reporterOf(row: Case, user: AuthenticatedUser) {
  const holder = holdsReporterContact(row, user);
  return { name: row.reporterName, contact: shownContact(row.reporterContact, holder), email: shownContact(row.reporterEmail, holder) };
}

/** The access-log rows of cases whose reporter's contact an output shows `user` whole. */
export const reporterContactAccesses = (rows: Case[], user: AuthenticatedUser): PersonalDataAccess[] =>
  rows
    .filter((row) => holdsReporterContact(row, user) && (row.reporterContact !== null || row.reporterEmail !== null))
    .map((row) => ({ kind: 'case_reporter', subjectId: row.id }));

/** A ledger row as lists show it; `names` gives the owner's name. */
export function toCaseSummary(row: Case & { filingUnit: OrgUnit }, user: AuthenticatedUser, names: PeopleNames) {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    kind: row.kind,
    urgent: row.urgent,
    title: row.title,
    category: row.category,
    location: row.location,
    reporter: reporterOf(row, user),
    filingUnit: { id: row.filingUnit.id, code: row.filingUnit.code, name: row.filingUnit.name },
    responsibleLevel: row.responsibleLevel,
    owner: personOf(names, row.ownerUserId),
    dueAt: row.dueAt?.toISOString() ?? null,
    overdue: row.overdue,
    filedAt: row.filedAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    // Visibility already limits street staff to their own unit, districts to theirs, the city to what was forwarded.
    allowedActions: allowedActionsOf(row, user),
  };
}

/** The user ids a case view names: its owner, and each event's actor and the owner it names. */
export const peopleOfCase = (row: CaseRowWithEvents) => [
  row.ownerUserId,
  ...row.events.flatMap((e) => [e.actorUserId, parseCaseEventData(e.data).owner?.userId]),
];

const OWNER_STEPS: readonly string[] = ['take', 'assignOwner', 'release'] satisfies OwnerStep[];

/** What the caller may do now: the table's steps for their role, the owner steps as the owner stands. */
function allowedActionsOf(row: Case, user: AuthenticatedUser): ViewAction[] {
  const owner = row.ownerUserId ? { userId: row.ownerUserId } : null;
  return viewActions(row.status, user.role).filter(
    (action) => !OWNER_STEPS.includes(action) || offersOwnerStep(action as OwnerStep, owner, user.id),
  );
}

/** The case's point, when it has one (the columns are both set or both null). */
export const coordinatesOf = (row: Pick<Case, 'latitude' | 'longitude'>) =>
  row.latitude === null || row.longitude === null ? null : { latitude: row.latitude, longitude: row.longitude };

/**
 * The case's details as the view shows them: the merge's raw ids are left out, since `mergedInto`
 * and `duplicates` name those cases as far as the caller may see them.
 */
const MERGE_IDS: readonly string[] = ['mergedIntoCaseId', 'mergedIntoNumber', 'duplicateCaseIds'] satisfies Array<keyof CaseDetails>;
const shownDetails = (details: CaseDetails): Record<string, unknown> =>
  Object.fromEntries(Object.entries(details).filter(([key]) => !MERGE_IDS.includes(key)));

/** What the API shows of one case: the ledger row, its history, and what the caller can do next. */
export function toCaseView(row: CaseRowWithEvents, user: AuthenticatedUser, names: PeopleNames, links: MergeLinks = NO_MERGE_LINKS) {
  const details = parseCaseDetails(row.details);
  return {
    ...toCaseSummary(row, user, names),
    workflowId: row.workflowId,
    description: row.description,
    foundOn: row.foundOn.toISOString().slice(0, 10),
    triedLocally: row.triedLocally,
    helpNeeded: row.helpNeeded,
    coordinates: coordinatesOf(row),
    calendarVersion: row.calendarVersion,
    details: shownDetails(details),
    mergedInto: links.mergedInto,
    duplicates: links.duplicates,
    history: row.events.map((e) => {
      const data = parseCaseEventData(e.data);
      const linkedCase = linkedCaseOf(e.type, e.comment, links);
      return {
        sequence: e.sequence,
        type: e.type,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        actorRole: e.actorRole,
        actor: personOf(names, e.actorUserId),
        // A duplicate's attachment recorded only its id: the linked case says which it is.
        comment: e.type === 'duplicate_attached' ? null : e.comment,
        linkedCase,
        owner: personOf(names, data.owner?.userId),
        attachments: data.attachments ?? [],
        occurredAt: e.occurredAt.toISOString(),
      };
    }),
    attachments: (row.attachments ?? []).map(toAttachmentView),
  };
}

/** The case view for `user`, its reporter's contact written to the access log when the view shows it whole. */
export async function showCase(prisma: Db, row: CaseRowWithEvents, user: AuthenticatedUser) {
  const [names, links] = await Promise.all([namesOf(prisma, peopleOfCase(row)), mergeLinksOf(prisma, user, parseCaseDetails(row.details))]);
  const view = toCaseView(row, user, names, links);
  await recordPersonalDataAccess(prisma, user, reporterContactAccesses([row], user));
  return view;
}
