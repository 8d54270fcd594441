import type { Clock } from '../../lib/clock.ts';
import type { Db } from '../../lib/db.ts';
import { DomainError } from '../../lib/errors.ts';

/** How many login attempts an account and an address may make per window (LOGIN_* settings). */
export type LoginThrottlePolicy = { maxPerAccount: number; maxPerAddress: number; windowMinutes: number };
export type LoginThrottleDeps = { prisma: Db; clock: Clock; throttle: LoginThrottlePolicy };
export type LoginOrigin = { email: string; address: string };

const accountKey = (email: string) => `account:${email.toLowerCase()}`;
const addressKey = (address: string) => `address:${address}`;

/**
 * Counts this attempt against the account and the address before the password is even looked at,
 * so parallel guesses cannot slip past the limit between a check and a count. Over the limit: 429.
 */
export async function admitLoginAttempt(deps: LoginThrottleDeps, origin: LoginOrigin): Promise<void> {
  const now = deps.clock.now();
  const windowMs = deps.throttle.windowMinutes * 60_000;
  const counted = await Promise.all([
    countAttempt(deps.prisma, accountKey(origin.email), now, windowMs).then((c) => ({ ...c, limit: deps.throttle.maxPerAccount })),
    countAttempt(deps.prisma, addressKey(origin.address), now, windowMs).then((c) => ({ ...c, limit: deps.throttle.maxPerAddress })),
  ]);
  const over = counted.filter((c) => c.attempts > c.limit);
  if (over.length === 0) return;
  const windowEnds = Math.max(...over.map((c) => c.windowStartedAt.getTime() + windowMs));
  throw new DomainError(
    'too_many_requests',
    { zh: '登录尝试次数过多，请稍后再试', en: 'too many login attempts; try again later' },
    undefined,
    Math.max(1, Math.ceil((windowEnds - now.getTime()) / 1000)),
  );
}

/** A successful login: the account starts afresh, and the attempt does not count against the address. */
export async function forgiveLoginAttempt(deps: Pick<LoginThrottleDeps, 'prisma'>, origin: LoginOrigin): Promise<void> {
  await deps.prisma.loginThrottle.deleteMany({ where: { key: accountKey(origin.email) } });
  await deps.prisma.loginThrottle.updateMany({
    where: { key: addressKey(origin.address), attempts: { gt: 0 } },
    data: { attempts: { decrement: 1 } },
  });
}

/** Drops counters whose window has passed; they would start afresh anyway. */
export async function pruneLoginThrottle(deps: LoginThrottleDeps): Promise<void> {
  const windowOpenSince = new Date(deps.clock.now().getTime() - deps.throttle.windowMinutes * 60_000);
  await deps.prisma.loginThrottle.deleteMany({ where: { windowStartedAt: { lte: windowOpenSince } } });
}

/** One atomic upsert: a window that has passed starts again at this attempt. */
async function countAttempt(prisma: Db, key: string, now: Date, windowMs: number) {
  const windowOpenSince = new Date(now.getTime() - windowMs);
  const rows = await prisma.$queryRaw<Array<{ attempts: number; window_started_at: Date }>>`
    INSERT INTO login_throttle (key, attempts, window_started_at) VALUES (${key}, 1, ${now}::timestamptz)
    ON CONFLICT (key) DO UPDATE SET
      attempts = CASE WHEN login_throttle.window_started_at <= ${windowOpenSince}::timestamptz THEN 1 ELSE login_throttle.attempts + 1 END,
      window_started_at = CASE WHEN login_throttle.window_started_at <= ${windowOpenSince}::timestamptz
        THEN ${now}::timestamptz ELSE login_throttle.window_started_at END
    RETURNING attempts, window_started_at`;
  const row = rows[0];
  if (!row) throw new Error(`login throttle upsert for ${key} returned nothing`);
  return { attempts: row.attempts, windowStartedAt: new Date(row.window_started_at) };
}
