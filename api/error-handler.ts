import type { IncomingHttpHeaders } from 'node:http';
import { WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import {
  DomainError,
  ERROR_STATUS,
  ERRORS,
  type ErrorCode,
  type ErrorMessage,
  type ErrorParams,
  type FieldIssueText,
} from '../lib/errors.ts';
import type { Logger } from '../lib/logger.ts';
import { isTemporalUnavailable } from '../domain/workflow-calls.ts';
import { requestLanguage } from './language.ts';

/** Seconds a client is told to wait before retrying an answer of 503 (an outage, or a busy case). */
export const RETRY_AFTER_SECONDS = 5;

type BodyParserError = Error & { type?: string; status?: number };

/** An error as the handler settled it: its code, HTTP status and what the caller is told. */
export type SettledError = { status: number; code: ErrorCode; message: string; requestId: string; fields?: FieldIssueText[] };

/**
 * How a part of the API that speaks a protocol of its own (Open311 GeoReport v2) writes an error,
 * from the same code and status the table gives; set for a path prefix with `useErrorFormat`.
 */
export type ErrorFormat = (error: SettledError, req: Request) => { contentType: string; body: string };

export const useErrorFormat =
  (format: ErrorFormat): RequestHandler =>
  (_req, res, next) => {
    res.locals.errorFormat = format;
    next();
  };

/** The one place where errors become HTTP responses, through the ERROR_STATUS table. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const classified = classify(error);
    const { code, retryAfterSeconds, params } = classified;
    const language = requestLanguage(req);
    const { message, fields } = classified.textIn(language);
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
    res.setHeader('Content-Language', language === 'zh' ? 'zh-CN' : 'en');
    res.vary('Accept-Language');
    const format = res.locals.errorFormat as ErrorFormat | undefined;
    if (format) {
      const written = format({ status, code, message, requestId, ...(fields ? { fields } : {}) }, req);
      res.status(status).type(written.contentType).send(written.body);
      return;
    }
    res.status(status).json({ error: { code, message, requestId, ...(params ? { params } : {}), ...(fields ? { fields } : {}) } });
  };
}

const hasBody = (headers: IncomingHttpHeaders) =>
  headers['transfer-encoding'] !== undefined || (headers['content-length'] !== undefined && headers['content-length'] !== '0');

/** An error as the API answers it; its words are picked once the reader's language is known. */
type Classified = Pick<DomainError, 'code' | 'retryAfterSeconds' | 'params' | 'textIn'>;

const answer = (code: ErrorCode, message: ErrorMessage, params?: ErrorParams): Classified =>
  new DomainError(code, message, undefined, undefined, params);

function classify(error: unknown): Classified {
  if (error instanceof DomainError) return error;
  const parserError = error as BodyParserError;
  switch (parserError?.type) {
    case 'entity.parse.failed':
      return answer('invalid_json', ERRORS.invalid_json.message);
    case 'entity.too.large':
      return answer('payload_too_large', ERRORS.payload_too_large.message);
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return answer('unsupported_media_type', { zh: '不支持此内容编码或字符集', en: parserError.message });
    case 'request.size.invalid':
    case 'request.aborted':
      return answer('validation_failed', {
        zh: '请求内容的长度与 Content-Length 不符',
        en: 'the request body is shorter or longer than its Content-Length',
      });
  }
  if (isUnavailable(error))
    return answer('service_unavailable', {
      zh: '数据库或工作流服务暂时无法连接，请稍后重试',
      en: 'the database or Temporal is not reachable right now; try again shortly',
    });
  return answer('internal', ERRORS.internal.message);
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
