import type { Clock } from '../../lib/clock.ts';
import type { Db } from '../../lib/db.ts';
import { OPEN_STATUSES } from '../../model/cases/lifecycle.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { namesOf, personOf } from './people.ts';
import { visibleCaseFilter } from './scope.ts';

/**
 * The bell: what needs the caller now, read from the ledger itself (the case rows the projection
 * keeps and their events), never kept as a second record. An item lasts while its cause does (the
 * case still theirs, still returned, still due) and is "read" once the caller marks it; only those
 * marks are stored, keyed by the item.
 */
export const BELL_KINDS = ['assigned', 'returned', 'due_soon', 'overdue'] as const;
export type BellKind = (typeof BELL_KINDS)[number];

/** A case is "due soon" for its owner within this long of its deadline. */
const DUE_SOON_MS = 24 * 60 * 60 * 1000;
/** The bell lists the newest this many; the count is of these. */
export const BELL_LIMIT = 50;

type BellDeps = { prisma: Db; clock: Clock };
type Item = { key: string; kind: BellKind; at: Date; byUserId: string | null; case: { id: string; number: number; title: string } };

const caseRef = (row: { id: string; number: number; title: string }) => ({ id: row.id, number: row.number, title: row.title });

/** Cases a colleague put in the caller's hands: the event that named the current owner, when someone else took it. */
async function assignedToMe(prisma: Db, user: AuthenticatedUser): Promise<Item[]> {
  const cases = await prisma.case.findMany({
    where: { AND: [visibleCaseFilter(user), { ownerUserId: user.id, ownerSequence: { not: null }, status: { in: [...OPEN_STATUSES] } }] },
    select: { id: true, number: true, title: true, ownerSequence: true },
  });
  if (cases.length === 0) return [];
  const events = await prisma.caseEvent.findMany({
    where: { OR: cases.map((c) => ({ caseId: c.id, sequence: c.ownerSequence! })), type: 'owner_assigned', NOT: { actorUserId: user.id } },
  });
  const byId = new Map(cases.map((c) => [c.id, c]));
  return events.map((event) => ({
    key: `event:${event.id}`,
    kind: 'assigned',
    at: event.occurredAt,
    byUserId: event.actorUserId,
    case: caseRef(byId.get(event.caseId)!),
  }));
}

/** The filing unit's cases the district sent back with questions, while they wait for the answer. */
async function returnedToMyUnit(prisma: Db, user: AuthenticatedUser): Promise<Item[]> {
  if (user.role !== 'street_staff') return [];
  const cases = await prisma.case.findMany({
    where: { filingUnitId: user.orgUnitId, status: 'returned_for_info' },
    select: {
      id: true,
      number: true,
      title: true,
      events: { where: { type: 'returned_for_info' }, orderBy: { sequence: 'desc' }, take: 1 },
    },
  });
  return cases.flatMap((row) =>
    row.events.map((event) => ({
      key: `event:${event.id}`,
      kind: 'returned' as const,
      at: event.occurredAt,
      byUserId: event.actorUserId,
      case: caseRef(row),
    })),
  );
}

/** The caller's own cases whose level's deadline is within a day or past: one item per deadline and stage. */
async function dueForMe(deps: BellDeps, user: AuthenticatedUser): Promise<Item[]> {
  const now = deps.clock.now();
  const cases = await deps.prisma.case.findMany({
    where: {
      AND: [
        visibleCaseFilter(user),
        { ownerUserId: user.id, status: { in: [...OPEN_STATUSES] }, dueAt: { lte: new Date(now.getTime() + DUE_SOON_MS) } },
      ],
    },
    select: { id: true, number: true, title: true, dueAt: true },
  });
  return cases.map((row) => {
    const kind = row.dueAt! <= now ? 'overdue' : 'due_soon';
    return { key: `${kind}:${row.id}:${row.dueAt!.toISOString()}`, kind, at: row.dueAt!, byUserId: null, case: caseRef(row) };
  });
}

/** The caller's bell: the newest items first, each with whether it was read, and how many are not. */
export async function bellFor(deps: BellDeps, user: AuthenticatedUser) {
  const items = (await Promise.all([assignedToMe(deps.prisma, user), returnedToMyUnit(deps.prisma, user), dueForMe(deps, user)]))
    .flat()
    .sort((a, b) => b.at.getTime() - a.at.getTime() || a.key.localeCompare(b.key))
    .slice(0, BELL_LIMIT);
  const [reads, names] = await Promise.all([
    deps.prisma.bellRead.findMany({ where: { userId: user.id, itemKey: { in: items.map((i) => i.key) } }, select: { itemKey: true } }),
    namesOf(
      deps.prisma,
      items.map((i) => i.byUserId),
    ),
  ]);
  const read = new Set(reads.map((r) => r.itemKey));
  return {
    unread: items.filter((i) => !read.has(i.key)).length,
    items: items.map((item) => ({
      key: item.key,
      kind: item.kind,
      at: item.at.toISOString(),
      by: personOf(names, item.byUserId),
      case: item.case,
      read: read.has(item.key),
    })),
  };
}

/**
 * Marks items read: those named, or every item the bell shows now. A key the bell does not show the
 * caller is ignored (nothing to read), so no one marks what is not theirs.
 */
export async function markBellRead(deps: BellDeps, user: AuthenticatedUser, keys: readonly string[] | undefined) {
  const shown = (await bellFor(deps, user)).items.map((i) => i.key);
  const marking = keys ? shown.filter((key) => keys.includes(key)) : shown;
  const now = deps.clock.now();
  await deps.prisma.bellRead.createMany({
    data: marking.map((itemKey) => ({ userId: user.id, itemKey, readAt: now })),
    skipDuplicates: true,
  });
  return bellFor(deps, user);
}
