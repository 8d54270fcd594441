import { Prisma } from '../lib/db.ts';
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
      // A column the projection sets at the first forward, indexed with the filing date: no search
      // through every case's events.
      return { filingUnit: { parent: { parentId: user.orgUnitId } }, forwardedToMunicipal: true };
  }
}

/**
 * The same rule as SQL, for the reads written in SQL (statistics, exports), on a table `alias` that
 * has `filing_unit_id` and `forwarded_to_municipal` (`cases` and `case_facts` both do).
 */
export function visibleCaseSql(user: AuthenticatedUser, alias: string): Prisma.Sql {
  const t = Prisma.raw(alias);
  switch (user.role) {
    case 'admin':
      return Prisma.sql`true`;
    case 'street_staff':
      return Prisma.sql`${t}.filing_unit_id = ${user.orgUnitId}::uuid`;
    case 'district_officer':
      return Prisma.sql`${t}.filing_unit_id IN (SELECT id FROM org_units WHERE parent_id = ${user.orgUnitId}::uuid)`;
    case 'municipal_liaison':
      return Prisma.sql`${t}.forwarded_to_municipal AND ${t}.filing_unit_id IN (SELECT u.id FROM org_units u JOIN org_units d ON u.parent_id = d.id WHERE d.parent_id = ${user.orgUnitId}::uuid)`;
  }
}
