import { Gauge } from 'prom-client';
import { z } from 'zod';
import { readLedgerFigures, type LedgerFigures } from '../../domain/system/operations-figures.ts';
import type { Db } from '../../lib/db.ts';
import { DomainError, notFound } from '../../lib/errors.ts';
import { METRICS_CONTENT_TYPE, metricsAccess, processMetric, renderMetrics } from '../../lib/metrics.ts';
import type { AppDeps } from '../deps.ts';
import { errorResponses } from '../errors.schemas.ts';
import { defineRoute } from '../route.ts';

/** Scrapes this often or more share one reading of the ledger; a slow database never holds a scrape past this. */
const LEDGER_FIGURES_MAX_AGE_MS = 5_000;
const LEDGER_FIGURES_TIMEOUT_MS = 3_000;

const ledgerGauges = () => ({
  readable: processMetric(Gauge, {
    name: 'ledger_figures_up',
    help: '1 when the ledger figures below were read from the database at this scrape (or a few seconds before), 0 when the database did not answer',
  }),
  open: processMetric(Gauge, {
    name: 'ledger_open_cases',
    help: 'Open cases by status and responsible level',
    labelNames: ['status', 'level'],
  }),
  overdue: processMetric(Gauge, {
    name: 'ledger_overdue_cases',
    help: 'Open cases past their deadline now, by status and responsible level',
    labelNames: ['status', 'level'],
  }),
  dueSoon: processMetric(Gauge, {
    name: 'ledger_cases_due_within_day',
    help: 'Open cases whose deadline falls within the next 24 hours, by status and responsible level',
    labelNames: ['status', 'level'],
  }),
  exportJobs: processMetric(Gauge, { name: 'ledger_export_jobs', help: 'Export jobs by state', labelNames: ['state'] }),
  cycleUnits: processMetric(Gauge, {
    name: 'ledger_cycle_units',
    help: 'Filing units of each district cycle not yet closed that have submitted their ledger or still owe it',
    labelNames: ['cycle', 'district', 'state'],
  }),
  cycleDeadline: processMetric(Gauge, {
    name: 'ledger_cycle_deadline_timestamp_seconds',
    help: 'When each district cycle not yet closed is due (Unix time)',
    labelNames: ['cycle', 'district'],
  }),
});

const readings = new WeakMap<Db, { at: number; figures: Promise<LedgerFigures | undefined> }>();

function ledgerFigures(deps: AppDeps): Promise<LedgerFigures | undefined> {
  const cached = readings.get(deps.prisma);
  if (cached && Date.now() - cached.at < LEDGER_FIGURES_MAX_AGE_MS) return cached.figures;
  const figures = Promise.race([
    readLedgerFigures(deps.prisma, deps.clock.now()),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timed out')), LEDGER_FIGURES_TIMEOUT_MS).unref()),
  ]).catch((error: unknown) => {
    deps.logger.warn('the ledger figures for /metrics could not be read', { error });
    return undefined;
  });
  readings.set(deps.prisma, { at: Date.now(), figures });
  return figures;
}

/** Sets the ledger gauges from the latest reading; without one they are left empty rather than stale. */
async function updateLedgerGauges(deps: AppDeps) {
  const gauges = ledgerGauges();
  const figures = await ledgerFigures(deps);
  for (const gauge of [gauges.open, gauges.overdue, gauges.dueSoon, gauges.exportJobs, gauges.cycleUnits, gauges.cycleDeadline])
    gauge.reset();
  gauges.readable.set(figures ? 1 : 0);
  if (!figures) return;
  for (const { status, level, open, overdue, dueWithinDay } of figures.cases) {
    gauges.open.set({ status, level }, open);
    gauges.overdue.set({ status, level }, overdue);
    gauges.dueSoon.set({ status, level }, dueWithinDay);
  }
  for (const { state, jobs } of figures.exportJobs) gauges.exportJobs.set({ state }, jobs);
  for (const { cycle, district, deadlineAt, submitted, owing } of figures.cycles) {
    gauges.cycleUnits.set({ cycle, district, state: 'submitted' }, submitted);
    gauges.cycleUnits.set({ cycle, district, state: 'owing' }, owing);
    gauges.cycleDeadline.set({ cycle, district }, deadlineAt.getTime() / 1000);
  }
}

export const metricsRoutes = [
  defineRoute({
    method: 'get',
    path: '/metrics',
    operationId: 'getMetrics',
    tag: 'system',
    summary: 'Metrics for Prometheus. Needs `METRICS_TOKEN` as bearer token when set, else loopback clients only.',
    authenticated: false,
    schemas: { headers: z.object({ authorization: z.string().optional() }) },
    responses: {
      200: { description: 'The metrics, `text/plain; version=0.0.4`' },
      401: errorResponses[401],
      404: { description: 'Not served to this client (no token configured and not on loopback)', schema: errorResponses[404].schema },
    },
    handler: async ({ headers, deps, clientAddress }) => {
      const access = metricsAccess(deps.config.metrics.token, { authorization: headers.authorization, clientAddress });
      if (access === 'hidden') throw notFound('a route for GET /metrics');
      if (access === 'unauthorized') throw new DomainError('unauthenticated', { log: 'the metrics need the configured bearer token' });
      await updateLedgerGauges(deps);
      return { status: 200, body: Buffer.from(await renderMetrics()), headers: { 'content-type': METRICS_CONTENT_TYPE } };
    },
  }),
];
