import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Open311ApiKey, OrgUnit } from '../../generated/prisma/client.ts';
import type { Clock } from '../../lib/clock.ts';
import type { Db } from '../../lib/db.ts';
import { pageOf, type Page } from '../../lib/paging.ts';
import { DomainError, invalidField, notFound } from '../../lib/errors.ts';
import { UNIT_KIND_RULES } from '../../model/directory/unit-kinds.ts';
import { API_KEY_LIFECYCLE } from '../../model/open311/api-key.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { requireRole, visibleCaseFilter } from '../cases/scope.ts';
import { requireStep } from '../lifecycle-steps.ts';

type KeyDeps = { prisma: Db; clock: Clock };

/** `o311_` and 256 random bits: recognisable in a leaked log, unguessable. */
const newKey = () => `o311_${randomBytes(32).toString('base64url')}`;
const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');
const PREFIX_LENGTH = 9;

/**
 * The holder of a valid key: its unit, and a stand-in for the unit's staff, so that what the key may
 * see and file is decided by the same scope rules and domain functions as a signed-in clerk's.
 */
export type ApiKeyHolder = { keyId: string; label: string; unit: OrgUnit; staff: AuthenticatedUser };

function holderOf(key: Open311ApiKey & { orgUnit: OrgUnit }): ApiKeyHolder {
  const { orgUnit: unit } = key;
  return {
    keyId: key.id,
    label: key.label,
    unit,
    staff: {
      id: key.id,
      email: `open311-key:${key.keyPrefix}`,
      displayName: key.label,
      role: UNIT_KIND_RULES[unit.kind].staffRole,
      orgUnitId: unit.id,
    },
  };
}

/** An active key, or 403 as the spec answers an invalid api_key (a missing, unknown and revoked key alike). */
export async function authenticateApiKey(prisma: Db, key: string | undefined): Promise<ApiKeyHolder> {
  const found = key ? await prisma.open311ApiKey.findUnique({ where: { keyHash: hashKey(key) }, include: { orgUnit: true } }) : null;
  if (!found || found.state !== 'active') throw new DomainError('forbidden', { zh: 'api_key 无效', en: 'invalid api_key' });
  return holderOf(found);
}

/** What the case scope rules let the key's unit see, as a filter on cases. */
export const visibleToKey = (holder: ApiKeyHolder) => visibleCaseFilter(holder.staff);

function keyView(key: Open311ApiKey & { orgUnit: OrgUnit }, user: AuthenticatedUser) {
  return {
    id: key.id,
    label: key.label,
    keyPrefix: key.keyPrefix,
    unit: { id: key.orgUnit.id, code: key.orgUnit.code, name: key.orgUnit.name },
    state: key.state,
    issuedAt: key.issuedAt.toISOString(),
    revokedAt: key.revokedAt?.toISOString() ?? null,
    allowedActions: API_KEY_LIFECYCLE.allowedActions(key.state, user.role),
  };
}

/** Issues a key for a unit; the answer carries the key itself, the only time anyone sees it. */
export async function issueApiKey(deps: KeyDeps, user: AuthenticatedUser, input: { unitId: string; label: string }) {
  requireRole(user, API_KEY_LIFECYCLE.rolesFor('issue'));
  const unit = await deps.prisma.orgUnit.findUnique({ where: { id: input.unitId } });
  if (!unit) throw invalidField('body.unitId', { zh: '没有此单位', en: 'no such unit' });
  const key = newKey();
  const created = await deps.prisma.open311ApiKey.create({
    data: {
      id: randomUUID(),
      orgUnitId: unit.id,
      label: input.label,
      keyHash: hashKey(key),
      keyPrefix: key.slice(0, PREFIX_LENGTH),
      state: API_KEY_LIFECYCLE.targetOf('issue', null),
      issuedByUserId: user.id,
      issuedAt: deps.clock.now(),
    },
    include: { orgUnit: true },
  });
  return { ...keyView(created, user), key };
}

export async function listApiKeys(prisma: Db, user: AuthenticatedUser, page: Page) {
  requireRole(user, ['admin']);
  return pageOf(
    page,
    () => prisma.open311ApiKey.count(),
    async ({ limit, offset }) => {
      const keys = await prisma.open311ApiKey.findMany({
        include: { orgUnit: true },
        orderBy: [{ issuedAt: 'desc' }, { id: 'asc' }],
        take: limit,
        skip: offset,
      });
      return keys.map((k) => keyView(k, user));
    },
  );
}

/** Revokes a key at once: the next request with it is refused. Revoking twice is refused by the table (409). */
export async function revokeApiKey(deps: KeyDeps, user: AuthenticatedUser, keyId: string) {
  requireRole(user, API_KEY_LIFECYCLE.rolesFor('revoke'));
  const key = await deps.prisma.open311ApiKey.findUnique({ where: { id: keyId } });
  if (!key) throw notFound('api key');
  requireStep(API_KEY_LIFECYCLE, 'revoke', key.state, user.role);
  // The table's source states in the same UPDATE: two revocations at once move the key once.
  const moved = await deps.prisma.open311ApiKey.updateMany({
    where: { id: keyId, state: { in: [...API_KEY_LIFECYCLE.stepRule('revoke').from] } },
    data: { state: API_KEY_LIFECYCLE.targetOf('revoke', key.state), revokedAt: deps.clock.now(), revokedByUserId: user.id },
  });
  if (moved.count === 0) requireStep(API_KEY_LIFECYCLE, 'revoke', 'revoked', user.role);
  return keyView(await deps.prisma.open311ApiKey.findUniqueOrThrow({ where: { id: keyId }, include: { orgUnit: true } }), user);
}
