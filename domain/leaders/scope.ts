import type { Prisma } from '../../lib/db.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';

/**
 * Who sees which leaders. A unit's clerk (a `street_staff` user of the leader's unit, or of a
 * leadership body's office) sees the unit's own leaders; a district officer those of every unit and
 * leadership body under the district; a municipal liaison those of every district under the
 * municipality; admins all. Anything else is simply not found.
 */
export function visibleUnitFilter(user: AuthenticatedUser): Prisma.OrgUnitWhereInput {
  switch (user.role) {
    case 'admin':
      return {};
    case 'street_staff':
      return { id: user.orgUnitId };
    case 'district_officer':
      return { parentId: user.orgUnitId };
    case 'municipal_liaison':
      return { parent: { parentId: user.orgUnitId } };
  }
}

export const visibleLeaderFilter = (user: AuthenticatedUser): Prisma.LeaderWhereInput => ({ unit: visibleUnitFilter(user) });

/** Activities: those of visible leaders, and for a street/park also those that took place there (to confirm them). */
export function visibleActivityFilter(user: AuthenticatedUser): Prisma.LeaderActivityWhereInput {
  const ofVisibleLeaders = { leader: visibleLeaderFilter(user) };
  return user.role === 'street_staff' ? { OR: [ofVisibleLeaders, { placeUnitId: user.orgUnitId }] } : ofVisibleLeaders;
}
