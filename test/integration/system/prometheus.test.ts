import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { freePort } from '../../../infra/free-port.ts';
import { startEntryProcess, type EntryProcess } from '../../../infra/entry-process.ts';
import { cycleRowId } from '../../../model/cycle/cycle.ts';
import { FILING_UNIT_KINDS } from '../../../model/directory/unit-kinds.ts';
import { filing, newKey } from '../../support/fixtures.ts';
import { startPrometheus, type Prometheus } from '../../support/prometheus.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

// Debian's Prometheus scrapes the API (in this process, no token: loopback only) and a worker
// process of its own (`npm run start:worker`, with a bearer token), evaluates the shipped alert
// rules, and answers through its HTTP API with the series an operator's dashboards and alerts use.
const WORKER_TOKEN = 'worker-metrics-token-for-tests';
const RULES = path.join(import.meta.dirname, '..', '..', '..', 'ops', 'prometheus', 'alerts.yml');

let system: TestSystem;
let api: { url: string; close(): Promise<void> };
let worker: EntryProcess;
let workerMetricsUrl: string;
let prometheus: Prometheus;

beforeAll(async () => {
  system = await startTestSystem(import.meta.filename, { worker: false });
  api = await system.listen();
  const workerMetricsPort = await freePort();
  workerMetricsUrl = `http://127.0.0.1:${workerMetricsPort}/metrics`;
  worker = await startEntryProcess(
    'start:worker',
    {
      DATABASE_URL: system.db.url,
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      TEMPORAL_NAMESPACE: system.namespace,
      SMTP_URL: system.smtp.url,
      FILES_DIR: mkdtempSync(path.join(tmpdir(), 'prometheus-files-')),
      WORKER_METRICS_PORT: String(workerMetricsPort),
      METRICS_TOKEN: WORKER_TOKEN,
      LOG_LEVEL: 'info',
    },
    'worker polling',
  );
  prometheus = await startPrometheus({
    jobs: [
      { job: 'ledger-api', target: new URL(api.url).host },
      { job: 'ledger-worker', target: `127.0.0.1:${workerMetricsPort}`, token: WORKER_TOKEN },
    ],
    ruleFiles: [RULES],
  });
});

afterAll(async () => {
  await prometheus?.stop();
  await worker?.stop();
  await api?.close();
  await system?.stop();
});

/** The value of a query that must answer one sample, once Prometheus has scraped what the test did. */
async function valueOf(expr: string): Promise<number> {
  let samples = await prometheus.query(expr);
  await expect
    .poll(
      async () => {
        samples = await prometheus.query(expr);
        return samples.length;
      },
      { timeout: 30_000, interval: 500, message: `${expr} answered no series` },
    )
    .toBe(1);
  return Number(samples[0]!.value[1]);
}

describe('Prometheus scraping the running system', () => {
  it('scrapes the API and a worker, and sees requests by route, the ledger figures, the worker and the Temporal runtime', async () => {
    const east = await system.login('east@ledger.test');
    const filed = await system.http
      .post('/cases')
      .set('Authorization', east)
      .set('Idempotency-Key', newKey())
      .send(filing({ urgent: true, reporter: { name: 'Li Wei', email: 'li.wei@example.test' } }));
    expect(filed.status).toBe(201);
    expect((await system.http.get(`/cases/${filed.body.id}`).set('Authorization', east)).status).toBe(200);
    const row = await system.db.prisma.case.findUniqueOrThrow({ where: { id: filed.body.id } });

    // A district cycle due in the far future, so its figures stay open whatever today is.
    const district = await system.db.prisma.orgUnit.findFirstOrThrow({ where: { code: 'DIST' } });
    const deadlineAt = new Date('2099-06-26T16:00:00Z');
    await system.db.prisma.reportingCycle.create({
      data: {
        id: cycleRowId('2099-H1', district.id),
        cycle: '2099-H1',
        districtId: district.id,
        workflowId: 'none',
        opensAt: new Date(),
        deadlineAt,
      },
    });
    const filingUnits = await system.db.prisma.orgUnit.count({ where: { parentId: district.id, kind: { in: [...FILING_UNIT_KINDS] } } });

    await expect
      .poll(async () => (await prometheus.targets()).map(({ job, health, lastError }) => `${job} ${health} ${lastError}`).sort(), {
        timeout: 30_000,
      })
      .toEqual(['ledger-api up ', 'ledger-worker up ']);

    // HTTP by declared route, never by URL.
    expect(await valueOf('http_requests_total{job="ledger-api", route="/cases", method="POST", status="201"}')).toBe(1);
    expect(await valueOf('http_request_duration_seconds_count{job="ledger-api", route="/cases/:id", method="GET", status="200"}')).toBe(1);
    expect(await prometheus.query(`http_requests_total{route=~".*${filed.body.id}.*"}`)).toEqual([]);

    // The ledger's figures, read from the database on scrape.
    const open = `ledger_open_cases{job="ledger-api", status="${row.status}", level="${row.responsibleLevel}"}`;
    expect(await valueOf(open)).toBe(1);
    expect(await valueOf('sum(ledger_open_cases{job="ledger-api"})')).toBe(1);
    expect(await valueOf(`ledger_overdue_cases{job="ledger-api", status="${row.status}", level="${row.responsibleLevel}"}`)).toBe(0);
    expect(await valueOf('count(ledger_cases_due_within_day{job="ledger-api"})')).toBeGreaterThan(0);
    expect(await valueOf('ledger_export_jobs{job="ledger-api", state="queued"}')).toBe(0);
    expect(await valueOf('ledger_cycle_units{job="ledger-api", cycle="2099-H1", district="DIST", state="owing"}')).toBe(filingUnits);
    expect(await valueOf('ledger_cycle_units{job="ledger-api", cycle="2099-H1", district="DIST", state="submitted"}')).toBe(0);
    expect(await valueOf('ledger_cycle_deadline_timestamp_seconds{job="ledger-api", cycle="2099-H1", district="DIST"}')).toBe(
      deadlineAt.getTime() / 1000,
    );
    expect(await valueOf('ledger_figures_up{job="ledger-api"}')).toBe(1);

    // The worker: its mail, the Temporal SDK's runtime (pollers on the task queue), Node's own figures.
    await expect.poll(() => valueOf('ledger_mail_sent_total{job="ledger-worker"}'), { timeout: 30_000 }).toBeGreaterThan(0);
    expect(
      await valueOf('sum(temporal_num_pollers{job="ledger-worker", poller_type="workflow_task", task_queue="linkage-ledger"})'),
    ).toBeGreaterThan(0);
    expect(await valueOf('count(temporal_worker_task_slots_available{job="ledger-worker"})')).toBeGreaterThan(0);
    expect(await valueOf('process_resident_memory_bytes{job="ledger-worker"}')).toBeGreaterThan(0);

    // The shipped alert rules load and evaluate against these series without error; none fires for a healthy system.
    await expect.poll(async () => (await prometheus.rules()).filter((r) => r.health !== 'ok'), { timeout: 30_000 }).toEqual([]);
    expect((await prometheus.rules()).length).toBe(10);
    expect(await prometheus.query('ALERTS{alertstate="firing"}')).toEqual([]);
  });

  it('answers a worker scrape without the token with 401, and the API with a configured token only to that token', async () => {
    expect((await fetch(workerMetricsUrl)).status).toBe(401);
    expect((await fetch(workerMetricsUrl, { headers: { authorization: 'Bearer wrong-token-of-enough-length' } })).status).toBe(401);
    const scraped = await fetch(workerMetricsUrl, { headers: { authorization: `Bearer ${WORKER_TOKEN}` } });
    expect(scraped.status).toBe(200);
    expect(scraped.headers.get('content-type')).toContain('text/plain; version=0.0.4');

    const withToken = system.httpWith({
      config: { ...system.config, metrics: { ...system.config.metrics, token: 'api-metrics-token-for-tests' } },
    });
    const refused = await withToken.get('/metrics');
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('unauthenticated');
    const answered = await withToken.get('/metrics').set('Authorization', 'Bearer api-metrics-token-for-tests');
    expect(answered.status).toBe(200);
    expect(answered.text).toMatch(/^ledger_figures_up 1$/m);
  });
});
