import type { IncomingHttpHeaders } from 'node:http';
import { WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import type { ErrorRequestHandler } from 'express';
import { DomainError, ERROR_STATUS, type ErrorCode, type FieldIssue } from '../lib/errors.ts';
import type { Logger } from '../lib/logger.ts';
import { isTemporalUnavailable } from '../domain/workflow-calls.ts';

/** Seconds a client is told to wait before retrying an answer of 503 (an outage, or a busy case). */
export const RETRY_AFTER_SECONDS = 5;

type BodyParserError = Error & { type?: string; status?: number };

/** The one place where errors become HTTP responses, through the ERROR_STATUS table. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const { code, message, fields, retryAfterSeconds } = classify(error);
    const status = ERROR_STATUS[code];
    const requestId = String(res.locals.requestId ?? '');
    // A 500 is a bug to fix; a 503 is an outage the client is told to ride out.
    if (status === 500) logger.error('request failed', { requestId, error });
    else if (status > 500) logger.warn('request refused while a dependency is unavailable', { requestId, error });
    if (status === 401) res.setHeader('WWW-Authenticate', 'Bearer realm="linkage-ledger"');
    if (retryAfterSeconds !== undefined) res.setHeader('Retry-After', String(retryAfterSeconds));
    else if (status === 503) res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS));
    // Refused before its body was read (no token, say): close rather than read the rest to keep the connection.
    if (!req.complete && hasBody(req.headers)) res.setHeader('Connection', 'close');
    res.status(status).json({ error: { code, message, requestId, ...(fields ? { fields } : {}) } });
  };
}

const hasBody = (headers: IncomingHttpHeaders) =>
  headers['transfer-encoding'] !== undefined || (headers['content-length'] !== undefined && headers['content-length'] !== '0');

type Classified = { code: ErrorCode; message: string; fields?: FieldIssue[]; retryAfterSeconds?: number };

function classify(error: unknown): Classified {
  if (error instanceof DomainError)
    return { code: error.code, message: error.message, fields: error.fields, retryAfterSeconds: error.retryAfterSeconds };
  const parserError = error as BodyParserError;
  switch (parserError?.type) {
    case 'entity.parse.failed':
      return { code: 'invalid_json', message: 'the request body is not valid JSON' };
    case 'entity.too.large':
      return { code: 'payload_too_large', message: 'the request body is too large' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { code: 'unsupported_media_type', message: parserError.message };
    case 'request.size.invalid':
    case 'request.aborted':
      return { code: 'validation_failed', message: 'the request body is shorter or longer than its Content-Length' };
  }
  if (isUnavailable(error))
    return { code: 'service_unavailable', message: 'the database or Temporal is not reachable right now; try again shortly' };
  return { code: 'internal', message: 'internal error; quote the request id when reporting it' };
}

/** Lost or refused connections to PostgreSQL or Temporal: the request may succeed if retried. */
function isUnavailable(error: unknown): boolean {
  if (isTemporalUnavailable(error) || error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && ['P1001', 'P1002', 'P1017', 'ECONNREFUSED', 'ECONNRESET', '57P01', '57P03'].includes(code)) return true;
  return (
    typeof message === 'string' &&
    /Connection terminated|connect ECONNREFUSED|Can't reach database server|timeout exceeded when trying to connect|14 UNAVAILABLE/.test(
      message,
    )
  );
}
