import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../lib/logger.ts';

/** A request id a client or proxy may choose (letters, digits, `._:-`, up to 100); anything else is replaced. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Gives every request its id (the caller's `X-Request-Id` when well formed, else a new one), returns
 * it in `X-Request-Id` (errors carry it in their body too), and logs one line per answer with pino-http:
 * the request id, the caller's user id, the declared route, the case id for a case's routes, method,
 * path (never the query string, which may hold a search for a person), status and duration. No
 * header and no body is logged, so no token, password or contact detail reaches the line.
 */
export function requestLogging(logger: Logger): RequestHandler {
  return pinoHttp({
    logger: logger.pino,
    quietReqLogger: true,
    quietResLogger: true,
    wrapSerializers: false,
    customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
    genReqId: (req, res) => {
      const incoming = req.headers['x-request-id'];
      const requestId = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader('X-Request-Id', requestId);
      return requestId;
    },
    serializers: {
      req: (req: Request) => ({ method: req.method, path: (req.originalUrl ?? req.url).split('?')[0] }),
      res: (res: ServerResponse) => ({ status: res.statusCode }),
    },
    customProps: (_req: IncomingMessage, res: ServerResponse) => {
      const locals = (res as Response).locals ?? {};
      const caseId = locals.route?.startsWith('/cases/:id') && UUID.test(locals.routeParams?.id ?? '') ? locals.routeParams.id : undefined;
      return { userId: locals.userId, route: locals.route, caseId };
    },
    // The request line carries the answer; a 500's cause is logged once, by the error handler, with its stack.
    customSuccessObject: (req, res, value) => ({ ...value, req, res }),
    customErrorObject: (req, res, _error, value) => ({ ...value, req, res, err: undefined }),
    customSuccessMessage: () => 'request',
    customErrorMessage: () => 'request',
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'warn' : 'info'),
  }) as unknown as RequestHandler;
}

/** The request id `requestLogging` gave this request. */
export const requestIdOf = (req: Request) => String((req as Request & { id: unknown }).id);
