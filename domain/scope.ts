import type { Prisma } from '../lib/db.ts';
import { DomainError } from '../lib/errors.ts';
import type { Role } from '../model/case.ts';
import type { AuthenticatedUser } from './auth.ts';

export function requireRole(user: AuthenticatedUser, allowed: readonly Role[]) {
  if (!allowed.includes(user.role)) throw new DomainError('forbidden', `role ${user.role} may not do this`);
}

/**
 * The cases a user may see, as a query filter, so that a case of another unit is simply not found:
 * street staff their own unit's; district officers those of units under their district; municipal
 * liaisons those forwarded to the city from districts under their municipality; admins all.
 */
export function visibleCaseFilter(user: AuthenticatedUser): Prisma.CaseWhereInput {
  switch (user.role) {
    case 'admin':
      return {};
    case 'street_staff':
      return { filingUnitId: user.orgUnitId };
    case 'district_officer':
      return { filingUnit: { parentId: user.orgUnitId } };
    case 'municipal_liaison':
      return {
        filingUnit: { parent: { parentId: user.orgUnitId } },
        events: { some: { toStatus: 'municipal_coordination' } },
      };
  }
}
