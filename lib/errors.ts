/** Every error the domain raises on purpose, and the HTTP status each one means. */
export const ERROR_STATUS = {
  validation_failed: 400,
  invalid_json: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  idempotency_key_reused: 409,
  invalid_transition: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  service_unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type FieldIssue = { path: string; message: string };

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: FieldIssue[],
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);

/** Bad input in one field, named as the API names it (`body.occurredOn`). */
export const invalidField = (path: string, message: string) => new DomainError('validation_failed', message, [{ path, message }]);
