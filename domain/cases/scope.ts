import { Prisma, type Db } from '../../lib/db.ts';
import { DomainError } from '../../lib/errors.ts';
import type { Role } from '../../model/directory/roles.ts';
import { ROLE_WORDS } from '../../model/directory/glossary.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';

export function requireRole(user: AuthenticatedUser, allowed: readonly Role[]) {
  if (!allowed.includes(user.role))
    throw new DomainError(
      'forbidden',
      { zh: `您的角色（${ROLE_WORDS[user.role].zh}）不能进行此操作`, en: `role ${user.role} may not do this` },
      undefined,
      undefined,
      { role: user.role },
    );
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
 * The same rule with the units spelled out as ids (one small query), for reads that filter a large
 * table by more than scope: PostgreSQL then knows how many of the cases the scope holds and chooses,
 * for a free-text search, between walking the newest cases and reading the index's matches; behind
 * a subquery it guessed two units and read every match of a common word. Null: every unit.
 */
async function visibleUnitIds(prisma: Db, user: AuthenticatedUser): Promise<string[] | null> {
  switch (user.role) {
    case 'admin':
      return null;
    case 'street_staff':
      return [user.orgUnitId];
    case 'district_officer':
    case 'municipal_liaison': {
      const where = user.role === 'district_officer' ? { parentId: user.orgUnitId } : { parent: { parentId: user.orgUnitId } };
      return (await prisma.orgUnit.findMany({ where, select: { id: true } })).map((u) => u.id);
    }
  }
}

const municipalOnly = (user: AuthenticatedUser) => user.role === 'municipal_liaison';

export async function visibleCaseFilterWithUnits(prisma: Db, user: AuthenticatedUser): Promise<Prisma.CaseWhereInput> {
  const units = await visibleUnitIds(prisma, user);
  return {
    ...(units ? { filingUnitId: { in: units } } : {}),
    ...(municipalOnly(user) ? { forwardedToMunicipal: true } : {}),
  };
}

/**
 * The same, as SQL for the reads written in SQL (statistics, exports), on a table `alias` that has
 * `filing_unit_id` and `forwarded_to_municipal` (`cases` and `case_facts` both do).
 */
export async function visibleCaseSql(prisma: Db, user: AuthenticatedUser, alias: string): Promise<Prisma.Sql> {
  const t = Prisma.raw(alias);
  const units = await visibleUnitIds(prisma, user);
  const conditions = [
    ...(units ? [Prisma.sql`${t}.filing_unit_id = ANY(${units}::uuid[])`] : []),
    ...(municipalOnly(user) ? [Prisma.sql`${t}.forwarded_to_municipal`] : []),
  ];
  return conditions.length ? Prisma.join(conditions, ' AND ') : Prisma.sql`true`;
}
