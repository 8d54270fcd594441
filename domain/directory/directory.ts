import { randomBytes, randomUUID } from 'node:crypto';
import { isUniqueViolation, type Db } from '../../lib/db.ts';
import { DomainError, invalidField, notFound } from '../../lib/errors.ts';
import type { Role } from '../../model/directory/roles.ts';
import { filesCases, keepsCommunities, keepsLeaders, parentKindOf, unitKindsFor, type UnitKind } from '../../model/directory/unit-kinds.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { hashPassword } from '../auth/passwords.ts';
import { requireRole } from '../cases/scope.ts';

/** A unit as the API shows it, with what its kind does (the web filters by it rather than keeping its own list of kinds). */
export const unitView = (u: { id: string; code: string; name: string; kind: UnitKind; parentId: string | null; email: string | null }) => ({
  id: u.id,
  code: u.code,
  name: u.name,
  kind: u.kind,
  parentId: u.parentId,
  email: u.email,
  filesCases: filesCases(u.kind),
  keepsLeaders: keepsLeaders(u.kind),
  keepsCommunities: keepsCommunities(u.kind),
});

/** The organisation tree. Unit names are not confidential: everyone reads them to label cases and cycles. */
export async function listOrgUnits(prisma: Db) {
  const units = await prisma.orgUnit.findMany({ orderBy: [{ kind: 'asc' }, { code: 'asc' }] });
  return units.map(unitView);
}

export async function createOrgUnit(
  prisma: Db,
  user: AuthenticatedUser,
  input: { code: string; name: string; kind: UnitKind; parentId?: string; email?: string },
) {
  requireRole(user, ['admin']);
  const parentKind = parentKindOf(input.kind);
  const parent = input.parentId ? await prisma.orgUnit.findUnique({ where: { id: input.parentId } }) : null;
  if ((parentKind === null) !== (parent === null) || (parent && parent.kind !== parentKind)) {
    const message = parentKind ? `a ${input.kind} belongs to a ${parentKind}` : `a ${input.kind} has no parent`;
    throw invalidField('body.parentId', message);
  }
  try {
    const unit = await prisma.orgUnit.create({
      data: {
        id: randomUUID(),
        code: input.code,
        name: input.name,
        kind: input.kind,
        parentId: parent?.id ?? null,
        email: input.email ?? null,
      },
    });
    return unitView(unit);
  } catch (error) {
    if (isUniqueViolation(error)) throw taken('body.code', `the code ${input.code} is taken`);
    throw error;
  }
}

/** Renames a unit or changes its e-mail (where its notices go); the code, kind and parent stay. */
export async function updateOrgUnit(prisma: Db, user: AuthenticatedUser, unitId: string, input: { name?: string; email?: string | null }) {
  requireRole(user, ['admin']);
  const found = await prisma.orgUnit.findUnique({ where: { id: unitId } });
  if (!found) throw notFound('organisation unit');
  return unitView(await prisma.orgUnit.update({ where: { id: unitId }, data: { name: input.name, email: input.email } }));
}

const userView = (u: {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  orgUnitId: string;
  active: boolean;
  createdAt: Date;
}) => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  role: u.role,
  orgUnitId: u.orgUnitId,
  active: u.active,
  createdAt: u.createdAt.toISOString(),
});

export async function listUsers(prisma: Db, user: AuthenticatedUser) {
  requireRole(user, ['admin']);
  const users = await prisma.user.findMany({ orderBy: { email: 'asc' } });
  return users.map(userView);
}

/**
 * The caller's colleagues: the other active users of the caller's own unit with the caller's role, the
 * people a case held by the unit may be assigned to (model/cases/owner.ts). Names only: no e-mail.
 */
export async function listColleagues(prisma: Db, user: AuthenticatedUser) {
  const users = await prisma.user.findMany({
    where: { orgUnitId: user.orgUnitId, role: user.role, active: true, id: { not: user.id } },
    orderBy: [{ displayName: 'asc' }, { id: 'asc' }],
    select: { id: true, displayName: true },
  });
  return users.map((u) => ({ id: u.id, name: u.displayName }));
}

/** A new user gets a one-time password the admin hands over; it is shown once and stored only hashed. */
export async function createUser(
  prisma: Db,
  user: AuthenticatedUser,
  input: { email: string; displayName: string; role: Role; orgUnitId: string },
) {
  requireRole(user, ['admin']);
  const unit = await prisma.orgUnit.findUnique({ where: { id: input.orgUnitId } });
  if (!unit) throw invalidField('body.orgUnitId', 'no such unit');
  const kinds = unitKindsFor(input.role);
  if (!kinds.includes(unit.kind)) {
    const message = `a ${input.role} works in a unit of kind ${kinds.join(' or ')}`;
    throw invalidField('body.orgUnitId', message);
  }
  const temporaryPassword = newTemporaryPassword();
  try {
    const created = await prisma.user.create({
      data: {
        id: randomUUID(),
        email: input.email.toLowerCase(),
        displayName: input.displayName,
        role: input.role,
        orgUnitId: unit.id,
        passwordHash: await hashPassword(temporaryPassword),
        mustChangePassword: true,
      },
    });
    return { user: userView(created), temporaryPassword };
  } catch (error) {
    if (isUniqueViolation(error)) throw taken('body.email', `${input.email} already has an account`);
    throw error;
  }
}

/** Deactivated users cannot sign in, and their open sessions end now. */
export async function deactivateUser(prisma: Db, user: AuthenticatedUser, userId: string) {
  requireRole(user, ['admin']);
  if (userId === user.id) throw new DomainError('conflict', 'an administrator cannot deactivate themself');
  return userView(await updateEndingSessions(prisma, userId, { active: false }));
}

/** A new one-time password; every session of the user ends. */
export async function resetPassword(prisma: Db, user: AuthenticatedUser, userId: string) {
  requireRole(user, ['admin']);
  const temporaryPassword = newTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return { user: userView(await updateEndingSessions(prisma, userId, { passwordHash, mustChangePassword: true })), temporaryPassword };
}

function updateEndingSessions(prisma: Db, userId: string, data: { active?: boolean; passwordHash?: string; mustChangePassword?: boolean }) {
  return prisma.$transaction(async (tx) => {
    const found = await tx.user.findUnique({ where: { id: userId } });
    if (!found) throw notFound('user');
    await tx.session.deleteMany({ where: { userId } });
    return tx.user.update({ where: { id: userId }, data });
  });
}

const newTemporaryPassword = () => randomBytes(9).toString('base64url');
const taken = (path: string, message: string) => new DomainError('conflict', message, [{ path, message }]);
