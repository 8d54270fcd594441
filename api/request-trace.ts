import { context, propagation, SpanKind, SpanStatusCode, trace, type Context } from '@opentelemetry/api';
import type { RequestHandler, Response } from 'express';

const tracer = trace.getTracer('linkage-ledger-api');

/**
 * One server span per request (a no-op unless tracing is started, lib/tracing.ts), the child of the
 * caller's when it sent a W3C `traceparent`. It is named by the declared route once known (`POST
 * /cases/:id/solve`, never a path with ids) and carries the status, the request id and the user. The
 * Temporal calls the handler makes are its children (the client interceptor reads the active span),
 * and through them the workflow's Update and the activities it runs.
 */
export const traceRequests = (): RequestHandler => (req, res, next) => {
  const parent = propagation.extract(context.active(), req.headers);
  const span = tracer.startSpan(req.method, { kind: SpanKind.SERVER, attributes: { 'http.request.method': req.method } }, parent);
  const traced = trace.setSpan(parent, span);
  res.locals.traceContext = traced;
  res.on('finish', () => {
    const route = res.locals.route as string | undefined;
    if (route) span.updateName(`${req.method} ${route}`);
    span.setAttributes({
      'http.response.status_code': res.statusCode,
      ...(route ? { 'http.route': route } : {}),
      ...(res.locals.requestId ? { 'ledger.request_id': String(res.locals.requestId) } : {}),
      ...(res.locals.userId ? { 'enduser.id': String(res.locals.userId) } : {}),
    });
    if (res.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
    span.end();
  });
  context.with(traced, next);
};

/**
 * Runs a route's handler in its request's span. The span's context does not survive the body
 * parsers (they go on from the socket's stream events), so the handler enters it again here.
 */
export const inRequestSpan = <T>(res: Response, fn: () => T): T =>
  context.with((res.locals.traceContext as Context | undefined) ?? context.active(), fn);
