import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../../lib/clock.ts';
import type { Db } from '../../lib/db.ts';
import { DomainError } from '../../lib/errors.ts';
import type { Role } from '../../model/directory/roles.ts';
import {
  admitLoginAttempt,
  forgiveLoginAttempt,
  pruneLoginThrottle,
  type LoginOrigin,
  type LoginThrottlePolicy,
} from './login-throttle.ts';
import { hashPassword, verifyPassword } from './passwords.ts';

export type AuthenticatedUser = {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  orgUnitId: string;
  /** An admin made or reset the account: only the password change is answered until it is made. */
  mustChangePassword?: boolean;
};

type AuthDeps = { prisma: Db; clock: Clock; tokenTtlMinutes: number; throttle: LoginThrottlePolicy };

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

// Compared against when the e-mail is unknown, so a wrong address costs as long as a wrong password.
const decoyHash = hashPassword('decoy-password-for-timing');

/** Throttled per account and per address (429 once over the limit, even with the right password). */
export async function login(deps: AuthDeps, origin: LoginOrigin, password: string) {
  await admitLoginAttempt(deps, origin);
  const user = await deps.prisma.user.findUnique({ where: { email: origin.email.toLowerCase() } });
  const valid = await verifyPassword(password, user?.passwordHash ?? (await decoyHash));
  if (!user || !user.active || !valid)
    throw new DomainError('unauthenticated', { zh: '电子邮箱或密码不正确', en: 'wrong e-mail or password' });
  await forgiveLoginAttempt(deps, origin);
  await pruneExpired(deps);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(deps.clock.now().getTime() + deps.tokenTtlMinutes * 60_000);
  await deps.prisma.session.create({ data: { id: randomUUID(), tokenHash: hashToken(token), userId: user.id, expiresAt } });
  return { token, expiresAt, user: toAuthenticatedUser(user) };
}

/** Expired sessions and spent throttle windows go on each login, so neither table only ever grows. */
async function pruneExpired(deps: AuthDeps) {
  await deps.prisma.session.deleteMany({ where: { expiresAt: { lte: deps.clock.now() } } });
  await pruneLoginThrottle(deps);
}

/** One query on every request: the active user holding an unexpired session with this token. */
export async function authenticateToken(deps: Pick<AuthDeps, 'prisma' | 'clock'>, token: string): Promise<AuthenticatedUser> {
  const user = await deps.prisma.user.findFirst({
    where: { active: true, sessions: { some: { tokenHash: hashToken(token), expiresAt: { gt: deps.clock.now() } } } },
  });
  if (!user) throw new DomainError('unauthenticated', { zh: '登录已过期或无效，请重新登录', en: 'missing, expired or revoked token' });
  return toAuthenticatedUser(user);
}

export async function logout(deps: { prisma: Db }, token: string): Promise<void> {
  await deps.prisma.session.deleteMany({ where: { tokenHash: hashToken(token) } });
}

export function toAuthenticatedUser(user: {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  orgUnitId: string;
  mustChangePassword: boolean;
}): AuthenticatedUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    orgUnitId: user.orgUnitId,
    mustChangePassword: user.mustChangePassword,
  };
}

/** The identity of the system itself (schedules, commands run by an operator): sees the whole ledger. */
export const systemUser = (name: string): AuthenticatedUser => ({
  id: name,
  email: name,
  displayName: name,
  role: 'admin',
  orgUnitId: name,
});
