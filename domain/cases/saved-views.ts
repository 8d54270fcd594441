import { randomUUID } from 'node:crypto';
import type { Clock } from '../../lib/clock.ts';
import { isUniqueViolation, type Db } from '../../lib/db.ts';
import { DomainError, notFound } from '../../lib/errors.ts';
import { savedCaseFilter, type SavedCaseFilter } from '../../model/cases/case-filter.ts';
import type { SavedView } from '../../generated/prisma/client.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import type { CaseFilter } from './case-queries.ts';
import { namesOf, personOf, type PeopleNames } from './people.ts';

/** How many views one user keeps: the menu lists them all, each with a count. */
export const MAX_SAVED_VIEWS_PER_USER = 30;

type ViewDeps = { prisma: Db; clock: Clock };
export type ViewInput = { name: string; shared: boolean; filters: SavedCaseFilter };

/** The views a user sees: their own, and those their unit's colleagues share. */
const visibleTo = (user: AuthenticatedUser) => ({
  OR: [{ ownerUserId: user.id }, { shared: true, orgUnitId: user.orgUnitId }],
});

/** A saved filter as the list's filter (the sort orders a list; a count has none). */
export function caseFilterOf(filters: SavedCaseFilter): CaseFilter {
  const { unit, status, kind, urgent, overdue, owner, held, filedFrom, filedTo, q } = filters;
  return { unitId: unit, status, kind, urgent, overdue, owner, held, filedFrom, filedTo, q };
}

/** A stored filter as saved; undefined if it no longer parses (a status renamed since), which then finds nothing. */
export const storedFilterOf = (row: Pick<SavedView, 'filters'>): SavedCaseFilter | undefined => {
  const parsed = savedCaseFilter.safeParse(row.filters);
  return parsed.success ? parsed.data : undefined;
};

export function viewOf(row: SavedView, names: PeopleNames, user: AuthenticatedUser) {
  return {
    id: row.id,
    name: row.name,
    shared: row.shared,
    filters: storedFilterOf(row) ?? {},
    owner: personOf(names, row.ownerUserId)!,
    /** Only the one who saved a view renames, reshares or deletes it. */
    editable: row.ownerUserId === user.id,
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type SavedViewView = ReturnType<typeof viewOf>;

export async function visibleViews(prisma: Db, user: AuthenticatedUser): Promise<SavedView[]> {
  return prisma.savedView.findMany({ where: visibleTo(user), orderBy: [{ name: 'asc' }, { id: 'asc' }] });
}

export async function listViews(prisma: Db, user: AuthenticatedUser): Promise<SavedViewView[]> {
  const rows = await visibleViews(prisma, user);
  const names = await namesOf(
    prisma,
    rows.map((r) => r.ownerUserId),
  );
  return rows.map((row) => viewOf(row, names, user));
}

const nameTaken = () =>
  new DomainError('conflict', { zh: '您已有同名的视图', en: 'you already have a view of that name' }, [
    { path: 'body.name', message: { zh: '您已有同名的视图', en: 'you already have a view of that name' } },
  ]);

/** Saves a view; the per-user cap holds under concurrency (an advisory lock on the user's views). */
export async function createView(deps: ViewDeps, user: AuthenticatedUser, input: ViewInput): Promise<SavedViewView> {
  const now = deps.clock.now();
  try {
    const row = await deps.prisma.$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`saved-views:${user.id}`}, 0))`;
      const count = await tx.savedView.count({ where: { ownerUserId: user.id } });
      if (count >= MAX_SAVED_VIEWS_PER_USER)
        throw new DomainError(
          'conflict',
          {
            zh: `每人最多保存 ${MAX_SAVED_VIEWS_PER_USER} 个视图`,
            en: `a user keeps at most ${MAX_SAVED_VIEWS_PER_USER} views`,
          },
          undefined,
          undefined,
          { max: MAX_SAVED_VIEWS_PER_USER },
        );
      return tx.savedView.create({
        data: { id: randomUUID(), ownerUserId: user.id, orgUnitId: user.orgUnitId, ...input, createdAt: now, updatedAt: now },
      });
    });
    return viewOf(row, new Map([[user.id, user.displayName]]), user);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

/** The caller's own view: another's shared view is seen but not changed (403), anything else is not found. */
async function ownView(prisma: Db, user: AuthenticatedUser, id: string): Promise<SavedView> {
  const row = await prisma.savedView.findFirst({ where: { id, ...visibleTo(user) } });
  if (!row) throw notFound('saved view');
  if (row.ownerUserId !== user.id)
    throw new DomainError('forbidden', { zh: '只有保存视图的人可以修改它', en: 'only the one who saved a view may change it' });
  return row;
}

export async function updateView(deps: ViewDeps, user: AuthenticatedUser, id: string, patch: Partial<ViewInput>): Promise<SavedViewView> {
  await ownView(deps.prisma, user, id);
  try {
    const row = await deps.prisma.savedView.update({ where: { id }, data: { ...patch, updatedAt: deps.clock.now() } });
    return viewOf(row, new Map([[user.id, user.displayName]]), user);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken();
    throw error;
  }
}

export async function deleteView(prisma: Db, user: AuthenticatedUser, id: string): Promise<void> {
  await ownView(prisma, user, id);
  await prisma.savedView.deleteMany({ where: { id, ownerUserId: user.id } });
}
