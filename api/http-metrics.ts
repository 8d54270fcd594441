import type { Request, RequestHandler, Response } from 'express';
import { Counter, Histogram } from 'prom-client';
import { processMetric } from '../lib/metrics.ts';

const LABELS = ['route', 'method', 'status'] as const;

const httpMetrics = () => ({
  requests: processMetric(Counter, {
    name: 'http_requests_total',
    help: 'HTTP requests answered, by declared route, method and status',
    labelNames: LABELS,
  }),
  duration: processMetric(Histogram, {
    name: 'http_request_duration_seconds',
    help: 'Time from the request to the end of its answer, by declared route, method and status',
    labelNames: LABELS,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  }),
});

/**
 * Names the request's route (and keeps its parameters) for the metrics and the request log before
 * anything else runs, so a refusal by authentication is counted and logged under its route too.
 */
export const labelRoute =
  (path: string): RequestHandler =>
  (req, res, next) => {
    res.locals.route = path;
    res.locals.routeParams = req.params;
    next();
  };

/**
 * Counts every answer and times it, labelled with the route as declared (`/cases/:id`), never the
 * URL itself: ids would make a series per case. Requests no route took are `unmatched`. Counted when
 * the connection is done with the answer, so a download cut short counts with the status it began with.
 */
export function recordHttpMetrics(): RequestHandler {
  const { requests, duration } = httpMetrics();
  return (req: Request, res: Response, next) => {
    const stop = duration.startTimer();
    res.once('close', () => {
      const labels = { route: routeOf(req, res), method: req.method, status: String(res.statusCode) };
      requests.inc(labels);
      stop(labels);
    });
    next();
  };
}

function routeOf(req: Request, res: Response): string {
  if (typeof res.locals.route === 'string') return res.locals.route;
  const matched = (req.route as { path?: unknown } | undefined)?.path;
  return typeof matched === 'string' ? matched : 'unmatched';
}
