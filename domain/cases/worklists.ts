import type { Db } from '../../lib/db.ts';
import type { SavedCaseFilter } from '../../model/cases/case-filter.ts';
import { CASE_LIFECYCLE } from '../../model/cases/lifecycle.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { countCases } from './case-queries.ts';
import { caseFilterOf, storedFilterOf, visibleViews } from './saved-views.ts';

/** The menu's built-in lists: mine, nobody's in what my level holds, and overdue. */
export const WORKLISTS = ['mine', 'unassigned', 'overdue'] as const;
export type Worklist = (typeof WORKLISTS)[number];

/**
 * Each built-in list as the filter `GET /cases` takes. A role whose level holds cases (the transition
 * table lets it take them) has all three, "overdue" meaning what its level holds; an admin, who holds
 * none, has "overdue" over everything it sees.
 */
export function worklistFilters(user: AuthenticatedUser): Array<{ key: Worklist; filters: SavedCaseFilter }> {
  const holdsCases = CASE_LIFECYCLE.fromFor('take', user.role).length > 0;
  if (!holdsCases) return [{ key: 'overdue', filters: { overdue: true, sort: 'due' } }];
  return [
    { key: 'mine', filters: { owner: 'me', sort: 'due' } },
    { key: 'unassigned', filters: { owner: 'none', held: true, sort: 'due' } },
    { key: 'overdue', filters: { overdue: true, held: true, sort: 'due' } },
  ];
}

/** The built-in lists and the caller's saved views, each with how many cases it finds for the caller now. */
export async function worklistCounts(prisma: Db, user: AuthenticatedUser, utcOffsetMinutes: number) {
  const count = (filters: SavedCaseFilter | undefined) =>
    filters ? countCases(prisma, user, caseFilterOf(filters), utcOffsetMinutes) : Promise.resolve(0);
  const lists = worklistFilters(user);
  const views = await visibleViews(prisma, user);
  const [listCounts, viewCounts] = await Promise.all([
    Promise.all(lists.map((list) => count(list.filters))),
    Promise.all(views.map((view) => count(storedFilterOf(view)))),
  ]);
  return {
    lists: lists.map((list, i) => ({ ...list, count: listCounts[i]! })),
    views: views.map((view, i) => ({
      id: view.id,
      name: view.name,
      shared: view.shared,
      filters: storedFilterOf(view) ?? {},
      count: viewCounts[i]!,
    })),
  };
}
