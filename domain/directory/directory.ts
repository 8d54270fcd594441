import { randomBytes, randomUUID } from 'node:crypto';
import { isUniqueViolation, type Db } from '../../lib/db.ts';
import { DomainError, invalidField, noSuch, notFound, type Localized } from '../../lib/errors.ts';
import { ROLE_WORDS, UNIT_KIND_WORDS, UNIT_WORDS } from '../../model/directory/glossary.ts';
import type { Role } from '../../model/directory/roles.ts';
import { USER_ACCOUNT_LIFECYCLE, userAccountStateOf } from '../../model/directory/user-account.ts';
import { filesCases, keepsCommunities, keepsLeaders, parentKindOf, unitKindsFor, type UnitKind } from '../../model/directory/unit-kinds.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { hashPassword } from '../auth/passwords.ts';
import { requireRole } from '../cases/scope.ts';
import { requireStep } from '../lifecycle-steps.ts';

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
    const kind = UNIT_KIND_WORDS[input.kind];
    const parentWords = parentKind ? UNIT_KIND_WORDS[parentKind] : undefined;
    throw invalidField(
      'body.parentId',
      parentWords
        ? { zh: `${kind.zh}应隶属于${parentWords.zh}`, en: `a ${kind.en} belongs to a ${parentWords.en}` }
        : { zh: `${kind.zh}没有上级单位`, en: `a ${kind.en} has no parent` },
      { kind: input.kind, ...(parentKind ? { parentKind } : {}) },
    );
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
    if (isUniqueViolation(error)) throw taken('body.code', { zh: `代码 ${input.code} 已被使用`, en: `the code ${input.code} is taken` });
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

type UserRow = { id: string; email: string; displayName: string; role: Role; orgUnitId: string; active: boolean; createdAt: Date };

/** An account as the admin sees it, with the steps its transition table offers the viewer now. */
const userView = (u: UserRow, viewer: AuthenticatedUser) => ({
  id: u.id,
  email: u.email,
  displayName: u.displayName,
  role: u.role,
  orgUnitId: u.orgUnitId,
  active: u.active,
  createdAt: u.createdAt.toISOString(),
  allowedActions: USER_ACCOUNT_LIFECYCLE.allowedActions(userAccountStateOf(u), viewer.role),
});

export async function listUsers(prisma: Db, user: AuthenticatedUser) {
  requireRole(user, ['admin']);
  const users = await prisma.user.findMany({ orderBy: { email: 'asc' } });
  return users.map((u) => userView(u, user));
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
  requireRole(user, USER_ACCOUNT_LIFECYCLE.rolesFor('create'));
  const unit = await unitForRole(prisma, input.role, input.orgUnitId);
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
    return { user: userView(created, user), temporaryPassword };
  } catch (error) {
    if (isUniqueViolation(error)) throw taken('body.email', { zh: `${input.email} 已有账号`, en: `${input.email} already has an account` });
    throw error;
  }
}

/**
 * The unit a user of this role works in: it exists and is of a kind whose staff hold the role
 * (model/directory/unit-kinds.ts), else the field is named.
 */
async function unitForRole(prisma: Db, role: Role, orgUnitId: string) {
  const unit = await prisma.orgUnit.findUnique({ where: { id: orgUnitId } });
  if (!unit) throw invalidField('body.orgUnitId', noSuch(UNIT_WORDS));
  const kinds = unitKindsFor(role);
  if (!kinds.includes(unit.kind)) {
    throw invalidField('body.orgUnitId', {
      zh: `${ROLE_WORDS[role].zh}只能在以下类型的单位工作：${kinds.map((k) => UNIT_KIND_WORDS[k].zh).join('、')}`,
      en: `a ${ROLE_WORDS[role].en} works in a unit of kind ${kinds.map((k) => UNIT_KIND_WORDS[k].en).join(' or ')}`,
    });
  }
  return unit;
}

/** The account as it stands, with the step its transition table must allow the caller. */
async function accountFor(
  prisma: Db,
  user: AuthenticatedUser,
  userId: string,
  action: 'edit' | 'resetPassword' | 'deactivate' | 'reactivate',
) {
  requireRole(user, USER_ACCOUNT_LIFECYCLE.rolesFor(action));
  const found = await prisma.user.findUnique({ where: { id: userId } });
  if (!found) throw notFound('user');
  requireStep(USER_ACCOUNT_LIFECYCLE, action, userAccountStateOf(found), user.role);
  return found;
}

/**
 * A user's name, role and unit. The role and unit are checked together (the unit must fit the role); an
 * administrator may not take away their own role (nobody might be left to give it back). The role is read
 * afresh on every call, so it takes effect at once without ending sessions.
 */
export async function updateUser(
  prisma: Db,
  user: AuthenticatedUser,
  userId: string,
  input: { displayName?: string; role?: Role; orgUnitId?: string },
) {
  const found = await accountFor(prisma, user, userId, 'edit');
  const role = input.role ?? found.role;
  if (userId === user.id && role !== found.role)
    throw invalidField('body.role', { zh: '管理员不能更改自己的角色', en: 'an administrator cannot change their own role' });
  if (input.role !== undefined || input.orgUnitId !== undefined) await unitForRole(prisma, role, input.orgUnitId ?? found.orgUnitId);
  const updated = await prisma.user.update({
    where: { id: userId },
    data: { displayName: input.displayName, role: input.role, orgUnitId: input.orgUnitId },
  });
  return userView(updated, user);
}

/** Deactivated users cannot sign in, and their open sessions end now. */
export async function deactivateUser(prisma: Db, user: AuthenticatedUser, userId: string) {
  if (userId === user.id)
    throw new DomainError('conflict', { zh: '管理员不能停用自己', en: 'an administrator cannot deactivate themself' });
  await accountFor(prisma, user, userId, 'deactivate');
  return userView(await updateEndingSessions(prisma, userId, { active: false }), user);
}

/** A deactivated user may sign in again, with the password they had (a reset hands over a new one). */
export async function reactivateUser(prisma: Db, user: AuthenticatedUser, userId: string) {
  await accountFor(prisma, user, userId, 'reactivate');
  return userView(await prisma.user.update({ where: { id: userId }, data: { active: true } }), user);
}

/** A new one-time password; every session of the user ends. */
export async function resetPassword(prisma: Db, user: AuthenticatedUser, userId: string) {
  await accountFor(prisma, user, userId, 'resetPassword');
  const temporaryPassword = newTemporaryPassword();
  const passwordHash = await hashPassword(temporaryPassword);
  return {
    user: userView(await updateEndingSessions(prisma, userId, { passwordHash, mustChangePassword: true }), user),
    temporaryPassword,
  };
}

function updateEndingSessions(prisma: Db, userId: string, data: { active?: boolean; passwordHash?: string; mustChangePassword?: boolean }) {
  return prisma.$transaction(async (tx) => {
    await tx.session.deleteMany({ where: { userId } });
    return tx.user.update({ where: { id: userId }, data });
  });
}

const newTemporaryPassword = () => randomBytes(9).toString('base64url');
const taken = (path: string, message: Localized) => new DomainError('conflict', message, [{ path, message }]);
