/**
 * Every error the API answers with: its HTTP status and when it happens. The one source for the
 * error handler, the OpenAPI document and the error table of docs/api.md (generated, and checked by a test).
 */
export const ERRORS = {
  validation_failed: {
    status: 400,
    when: 'bad input; `fields[].path` names each offending field (`body.title`, `headers.idempotency-key`)',
  },
  invalid_json: { status: 400, when: 'the body is not valid JSON' },
  unauthenticated: {
    status: 401,
    when: 'no, expired or revoked token, or a scheme other than `Bearer`; wrong login. Carries `WWW-Authenticate: Bearer`',
  },
  forbidden: { status: 403, when: 'the role may not take this action' },
  not_found: { status: 404, when: 'unknown route or record, or another unit’s' },
  conflict: { status: 409, when: 'not possible now: a case already holding the most attachments, a ledger already submitted' },
  idempotency_key_reused: { status: 409, when: 'the `Idempotency-Key` was used for a different request (body or path)' },
  idempotency_request_in_progress: {
    status: 409,
    when: 'the first request with this `Idempotency-Key` is still running; `Retry-After` says when to ask again for its answer',
  },
  invalid_transition: { status: 409, when: 'the action is not possible in the case’s state' },
  quota_exceeded: { status: 409, when: 'a recommendation list over its street/park’s quota of outstanding party members' },
  payload_too_large: { status: 413, when: 'a JSON body over 256 kB, an attachment over `ATTACHMENT_MAX_BYTES`' },
  unsupported_media_type: {
    status: 415,
    when: 'a `Content-Encoding` other than identity (compressed bodies are refused), an unknown charset, an attachment type not kept',
  },
  too_many_requests: {
    status: 429,
    when: 'too many login attempts for the account or from the address; `Retry-After` says in how many seconds to try again',
  },
  internal: { status: 500, when: 'a fault of the server; the log has the details under the `requestId`' },
  service_unavailable: {
    status: 503,
    when: 'the database or Temporal is not reachable, or the case is busy; safe to retry (with the same `Idempotency-Key`)',
  },
} as const satisfies Record<string, { status: number; when: string }>;

export type ErrorCode = keyof typeof ERRORS;
export type FieldIssue = { path: string; message: string };

export const ERROR_STATUS = Object.fromEntries(Object.entries(ERRORS).map(([code, { status }]) => [code, status])) as {
  [C in ErrorCode]: (typeof ERRORS)[C]['status'];
};

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldIssue[],
    /** For 429 and 503: when the caller may try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);

/** Bad input in one field, named as the API names it (`body.occurredOn`). */
export const invalidField = (path: string, message: string) => new DomainError('validation_failed', message, [{ path, message }]);
