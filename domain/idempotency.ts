import { randomUUID } from 'node:crypto';
import type { Clock } from '../lib/clock.ts';
import type { Db } from '../lib/db.ts';
import { DomainError, ERRORS } from '../lib/errors.ts';

/** What a creating POST answered: kept under its key and answered again to a retry. */
export type KeptAnswer = { status: number; body: unknown; location?: string };

/** Whose key it is: a key is the caller's, for one operation (its OpenAPI operationId). */
export type KeyScope = { userId: string; operation: string; key: string };

export type IdempotencyDeps = { prisma: Db; clock: Clock };

/** How long a kept answer is answered again; an older key is forgotten, and the same key then starts afresh. */
export const KEY_RETENTION_HOURS = 72;
/**
 * How long a running request holds its key. A request that outlives it (its process died) lets the
 * next retry take the key over; every request ends long before (its Temporal calls have a deadline of
 * seconds, its database connections one of their own).
 */
const CLAIM_MS = 60_000;
/** How often a retry that arrives while the first request runs looks whether its answer is in. */
const POLL_MS = [25, 50, 100, 200, 250] as const;

type KeyRow = {
  request_hash: string;
  claim: string;
  locked_until: Date;
  status: number | null;
  response: unknown;
  location: string | null;
};

/**
 * Runs a creating request once per key. The first request with a key claims it (one row, under the
 * table's primary key, so of concurrent duplicates exactly one wins), runs, and keeps its answer; a
 * retry with the same request gets that answer (waiting up to `waitMs` while the first still runs),
 * a retry with another request is refused (409 `idempotency_key_reused`). A request that fails lets
 * the key go, so the client may send it again with the same key: what failed changed nothing, or
 * (after a 503) is looked up again by what the route keys on itself (an Update's id).
 */
export async function runOnce(
  deps: IdempotencyDeps,
  scope: KeyScope,
  requestHash: string,
  waitMs: number,
  run: () => Promise<KeptAnswer>,
): Promise<KeptAnswer & { replayed: boolean }> {
  const giveUpAt = Date.now() + waitMs;
  for (let attempt = 0; ; attempt++) {
    const claim = await claimKey(deps, scope, requestHash);
    if ('claim' in claim) return { ...(await runClaimed(deps, scope, claim.claim, run)), replayed: false };
    const row = claim.row;
    if (row.request_hash !== requestHash) throw new DomainError('idempotency_key_reused', ERRORS.idempotency_key_reused.message);
    if (row.status !== null)
      return { status: row.status, body: row.response, ...(row.location ? { location: row.location } : {}), replayed: true };
    if (Date.now() >= giveUpAt)
      throw new DomainError('idempotency_request_in_progress', ERRORS.idempotency_request_in_progress.message, undefined, 1);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS[Math.min(attempt, POLL_MS.length - 1)]));
  }
}

/**
 * One statement: a new key is claimed; a key whose request died (its claim lapsed, no answer) or whose
 * answer is past retention is claimed afresh; otherwise the row as it stands is returned.
 */
async function claimKey(deps: IdempotencyDeps, scope: KeyScope, requestHash: string): Promise<{ claim: string } | { row: KeyRow }> {
  const now = deps.clock.now();
  const claim = randomUUID();
  const forgottenBefore = new Date(now.getTime() - KEY_RETENTION_HOURS * 3_600_000);
  const claimed = await deps.prisma.$queryRaw<Array<{ claim: string }>>`
    INSERT INTO idempotency_keys AS k (user_id, operation, key, request_hash, claim, locked_until, created_at)
    VALUES (${scope.userId}::uuid, ${scope.operation}, ${scope.key}, ${requestHash}, ${claim}::uuid,
      ${new Date(now.getTime() + CLAIM_MS)}, ${now})
    ON CONFLICT (user_id, operation, key) DO UPDATE SET
      request_hash = EXCLUDED.request_hash, claim = EXCLUDED.claim, locked_until = EXCLUDED.locked_until,
      created_at = EXCLUDED.created_at, status = NULL, response = NULL, location = NULL, completed_at = NULL
    WHERE (k.status IS NULL AND k.locked_until < ${now}) OR k.created_at < ${forgottenBefore}
    RETURNING k.claim::text AS claim`;
  if (claimed[0]?.claim === claim) return { claim };
  const rows = await deps.prisma.$queryRaw<KeyRow[]>`
    SELECT request_hash, claim::text AS claim, locked_until, status, response, location FROM idempotency_keys
    WHERE user_id = ${scope.userId}::uuid AND operation = ${scope.operation} AND key = ${scope.key}`;
  // Let go between the two statements (the first request failed): claim it again.
  return rows[0] ? { row: rows[0] } : claimKey(deps, scope, requestHash);
}

async function runClaimed(deps: IdempotencyDeps, scope: KeyScope, claim: string, run: () => Promise<KeptAnswer>): Promise<KeptAnswer> {
  const held = { userId: scope.userId, operation: scope.operation, key: scope.key, claim };
  let answer: KeptAnswer;
  try {
    answer = await run();
  } catch (error) {
    await deps.prisma.idempotencyKey.deleteMany({ where: held }).catch(() => {});
    throw error;
  }
  await deps.prisma.idempotencyKey.updateMany({
    where: held,
    data: {
      status: answer.status,
      response: answer.body === undefined ? undefined : (answer.body as object),
      location: answer.location ?? null,
      completedAt: deps.clock.now(),
    },
  });
  await pruneForgottenKeys(deps);
  return answer;
}

/** Answers past retention go as new ones are kept, so the table holds about the last few days' creations. */
async function pruneForgottenKeys(deps: IdempotencyDeps) {
  const forgottenBefore = new Date(deps.clock.now().getTime() - KEY_RETENTION_HOURS * 3_600_000);
  await deps.prisma.idempotencyKey.deleteMany({ where: { createdAt: { lt: forgottenBefore }, status: { not: null } } });
}
