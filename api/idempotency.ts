import { bilingual } from '../lib/errors.ts';
import { z } from 'zod';
import { runOnce } from '../domain/idempotency.ts';
import { hashRequest } from '../lib/request-hash.ts';
import type { AppDeps } from './deps.ts';

import { errorBody } from './errors.schemas.ts';

/** Said when a route that needs the key gets none, in the reader's language. */
const KEY_REQUIRED = bilingual({ zh: '请提供请求标识（Idempotency-Key 请求头）', en: 'the Idempotency-Key header is required' });

const idempotencyKey = z
  .string({ error: (issue) => (issue.input === undefined ? KEY_REQUIRED : undefined) })
  .min(8)
  .max(200)
  .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only');

export const idempotencyHeaders = z.object({ 'idempotency-key': idempotencyKey });

/** A step may carry a key too: sent again with it (after a 503), it is the same step, taken once. */
export const optionalIdempotencyHeaders = z.object({ 'idempotency-key': idempotencyKey.optional() });

/**
 * How a creating POST takes an `Idempotency-Key`: `required` where a repeat would count twice (money,
 * service records, leaders' activities), `optional` elsewhere. Either way the answer to a key is kept.
 */
export type IdempotencyRule = 'required' | 'optional';

export const idempotencyHeadersFor = (rule: IdempotencyRule) => (rule === 'required' ? idempotencyHeaders : optionalIdempotencyHeaders);

const KEY_CONFLICTS =
  'the Idempotency-Key was used for another request (`idempotency_key_reused`), or its first request is still running (`idempotency_request_in_progress`, see Retry-After)';

/** A route's answers as the OpenAPI document lists them, with the conflicts a key brings added to its 409. */
export function withIdempotencyResponses<R extends Record<number, { description: string; schema?: z.ZodType }>>(responses: R) {
  const own = responses[409]?.description;
  return { ...responses, 409: { description: own ? `${own}; or ${KEY_CONFLICTS}` : `Conflict: ${KEY_CONFLICTS}`, schema: errorBody } };
}

export const REPLAYED_HEADER = 'Idempotent-Replayed';

type Answer = { status: number; body: unknown; headers?: Record<string, string> };

/**
 * The answer of a creating POST that came with a key: the kept one when the same caller sent the same
 * request with it before (marked `Idempotent-Replayed: true`), else the handler's, kept for the next.
 */
export async function answerOnce(
  deps: AppDeps,
  scope: { userId: string; operation: string; key: string },
  request: { params: unknown; query: unknown; headers: unknown; body: unknown },
  handle: () => Promise<Answer & { keptBody?: unknown; stream?: unknown }>,
): Promise<Answer> {
  let firstBody: unknown;
  const kept = await runOnce(
    { prisma: deps.prisma, clock: deps.clock },
    scope,
    hashRequest(request),
    deps.config.temporal.callDeadlineMs,
    async () => {
      const result = await handle();
      if (result.stream) throw new Error(`${scope.operation} streams its answer, which cannot be kept under an Idempotency-Key`);
      firstBody = result.body;
      return { status: result.status, body: result.keptBody ?? result.body, location: result.headers?.Location };
    },
  );
  return {
    status: kept.status,
    body: kept.replayed ? kept.body : firstBody,
    headers: { ...(kept.location ? { Location: kept.location } : {}), [REPLAYED_HEADER]: String(kept.replayed) },
  };
}
