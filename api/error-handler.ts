import type { ErrorRequestHandler } from 'express';
import { DomainError, ERROR_STATUS, type ErrorCode, type FieldIssue } from '../lib/errors.ts';
import type { Logger } from '../lib/logger.ts';

type BodyParserError = Error & { type?: string; status?: number };

/** The one place where errors become HTTP responses, through the ERROR_STATUS table. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, _req, res, _next) => {
    const { code, message, fields } = classify(error);
    const status = ERROR_STATUS[code];
    const requestId = String(res.locals.requestId ?? '');
    if (status >= 500) logger.error('request failed', { requestId, error });
    res.status(status).json({ error: { code, message, requestId, ...(fields ? { fields } : {}) } });
  };
}

function classify(error: unknown): { code: ErrorCode; message: string; fields?: FieldIssue[] } {
  if (error instanceof DomainError) return { code: error.code, message: error.message, fields: error.fields };
  const parserError = error as BodyParserError;
  switch (parserError?.type) {
    case 'entity.parse.failed':
      return { code: 'invalid_json', message: 'the request body is not valid JSON' };
    case 'entity.too.large':
      return { code: 'payload_too_large', message: 'the request body is too large' };
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return { code: 'unsupported_media_type', message: parserError.message };
  }
  return { code: 'internal', message: 'internal error; quote the request id when reporting it' };
}
