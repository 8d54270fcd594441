import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTracing } from '../../../lib/tracing.ts';
import { filing, newKey } from '../../support/fixtures.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

// The process's tracing, as start:api and start:worker set it up, with an in-memory exporter in place
// of the OTLP one; the API, the Temporal client and the worker (on the shared dev server) are real.
const exported = new InMemorySpanExporter();
let system: TestSystem;

beforeAll(async () => {
  const tracing = startTracing('ledger-test', { spanProcessor: new SimpleSpanProcessor(exported) });
  system = await startTestSystem(import.meta.filename, { tracing });
});

afterAll(async () => {
  await system?.stop();
});

const spans = () => exported.getFinishedSpans();
const scopeOf = (span: ReadableSpan) => span.instrumentationLibrary.name;
const parentOf = (span: ReadableSpan) => span.parentSpanId;

/** The span and its ancestors, up to the root of its trace. */
function lineage(span: ReadableSpan, all: ReadableSpan[]): ReadableSpan[] {
  const byId = new Map(all.map((s) => [s.spanContext().spanId, s]));
  const chain = [span];
  for (let parent = parentOf(span); parent !== undefined; parent = parentOf(chain[chain.length - 1]!)) {
    const next = byId.get(parent);
    if (!next) throw new Error(`span ${parent}, parent of ${chain[chain.length - 1]!.name}, was not exported`);
    chain.push(next);
  }
  return chain;
}

describe('tracing', () => {
  it('makes one request one trace: the API request, the client call, the workflow and the projection activity', async () => {
    const east = await system.login('east@ledger.test');
    const filed = await system.http
      .post('/cases')
      .set('Authorization', east)
      .set('Idempotency-Key', newKey())
      .set('X-Request-Id', 'trace-filing-1')
      .send(filing({ urgent: true }));
    expect(filed.status).toBe(201);
    const workflowId = `case-${filed.body.id as string}`;
    // Rejected, the case ends: so does its workflow's own span, the parent of the filing's work.
    const district = await system.login('district@ledger.test');
    const rejected = await system.http
      .post(`/cases/${filed.body.id as string}/reject`)
      .set('Authorization', district)
      .set('X-Request-Id', 'trace-reject-1')
      .send({ reason: 'Not for the ledger' });
    expect(rejected.status).toBe(200);

    const requestSpan = (requestId: string) => spans().find((s) => s.attributes['ledger.request_id'] === requestId);
    const ofTheCase = () => spans().filter((s) => s.attributes.temporalWorkflowId === workflowId);
    const projections = () => ofTheCase().filter((s) => s.name === 'RunActivity:projectCaseEvent');
    // The workflow's spans reach the exporter through the worker's sink, after the task that made them.
    await expect.poll(() => projections().length, { timeout: 30_000 }).toBe(2);
    const filingTrace = () => requestSpan('trace-filing-1')?.spanContext().traceId;
    await expect
      .poll(() => spans().some((s) => s.name === 'RunWorkflow:caseWorkflow' && s.spanContext().traceId === filingTrace()), {
        timeout: 30_000,
      })
      .toBe(true)
      .catch((error: unknown) => {
        throw new Error(
          `${String(error)}:\n${spans()
            .map((s) => `${s.name} ${s.spanContext().traceId} ${s.parentSpanId}`)
            .join('\n')}`,
        );
      });

    const all = spans();
    const filing_ = requestSpan('trace-filing-1')!;
    const rejection = requestSpan('trace-reject-1')!;
    expect(filing_.name).toBe('POST /cases');
    expect(filing_.attributes).toMatchObject({ 'http.route': '/cases', 'http.response.status_code': 201, 'http.request.method': 'POST' });
    expect(rejection.name).toBe('POST /cases/:id/reject');
    expect(filing_.spanContext().traceId).not.toBe(rejection.spanContext().traceId);

    // Each projection, followed up to the root of its trace: the activity, the workflow that scheduled
    // it (its run for the filing, the Update's handler for the step), the client's call, the request.
    const expected = {
      'trace-filing-1': [
        'RunActivity:projectCaseEvent',
        'StartActivity:projectCaseEvent',
        'RunWorkflow:caseWorkflow',
        /^UpdateWithStartWorkflow:/,
        'POST /cases',
      ],
      'trace-reject-1': [
        'RunActivity:projectCaseEvent',
        'StartActivity:projectCaseEvent',
        /^HandleUpdate:/,
        /^StartWorkflowUpdate:/,
        'POST /cases/:id/reject',
      ],
    };
    for (const [requestId, names] of Object.entries(expected)) {
      const request = requestSpan(requestId)!;
      const traceId = request.spanContext().traceId;
      const projection = projections().find((s) => s.spanContext().traceId === traceId);
      expect(projection, `the projection of ${requestId}`).toBeDefined();
      const chain = lineage(projection!, all);
      expect(chain.map((s) => s.name)).toEqual(names.map((name) => (typeof name === 'string' ? name : expect.stringMatching(name))));
      expect(chain.map(scopeOf)).toEqual(
        expect.arrayContaining([
          '@temporalio/interceptor-activity',
          '@temporalio/interceptor-workflow',
          '@temporalio/interceptor-client',
          'linkage-ledger-api',
        ]),
      );
      expect(parentOf(request)).toBeUndefined();
      for (const span of chain) expect(span.spanContext().traceId, span.name).toBe(traceId);
    }

    // Every span of the case's workflow belongs to one of the two requests' traces: nothing strays.
    const traces = new Set([filing_.spanContext().traceId, rejection.spanContext().traceId]);
    for (const span of ofTheCase()) expect(traces.has(span.spanContext().traceId), span.name).toBe(true);
  });

  it('starts a new trace for each request, continuing a caller-sent traceparent', async () => {
    const callerTrace = '4bf92f3577b34da6a3ce929d0e0e4736';
    const res = await system.http.get('/health').set('traceparent', `00-${callerTrace}-00f067aa0ba902b7-01`);
    expect(res.status).toBeLessThan(500);
    await expect.poll(() => spans().some((s) => s.name === 'GET /health')).toBe(true);
    const health = spans().find((s) => s.name === 'GET /health')!;
    expect(health.spanContext().traceId).toBe(callerTrace);
    expect(parentOf(health)).toBe('00f067aa0ba902b7');
  });
});
