import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { filing, newKey } from '../../support/fixtures.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

let sys: TestSystem;
let east: string;

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename);
  east = await sys.login('east@ledger.test');
});
afterEach(() => sys.assertReconciled());
afterAll(() => sys?.stop());

describe('filing a case over HTTP', () => {
  it('starts one workflow whose first activity writes the ledger row, then serves it', async () => {
    const key = newKey();
    const res = await sys.http.post('/cases').set('Authorization', east).set('Idempotency-Key', key).send(filing());
    expect(res.status).toBe(201);
    expect(res.headers.location).toBe(`/cases/${res.body.id}`);
    expect(res.body).toMatchObject({ status: 'awaiting_submission', urgent: false, filingUnit: { code: 'ST-EAST' } });
    expect(res.body.history).toEqual([expect.objectContaining({ sequence: 1, type: 'filed', toStatus: 'awaiting_submission' })]);
    expect(res.body.allowedActions).toEqual(['submit', 'note', 'take', 'assignOwner', 'attach']);

    const row = await sys.db.prisma.case.findUniqueOrThrow({ where: { id: res.body.id } });
    expect(row).toMatchObject({ workflowId: `case-${res.body.id}`, idempotencyKey: key, status: 'awaiting_submission' });
    const description = await sys.client.workflow.getHandle(row.workflowId).describe();
    expect(description.status.name).toBe('RUNNING');
    expect(description.type).toBe('caseWorkflow');

    const got = await sys.http.get(`/cases/${res.body.id}`).set('Authorization', east);
    expect(got.status).toBe(200);
    const { possibleDuplicates, ...filed } = res.body;
    expect(possibleDuplicates).toEqual([]);
    expect(got.body).toEqual(filed);
  });

  it('returns the same case for a repeated Idempotency-Key, and 409 when the body differs', async () => {
    const key = newKey();
    const first = await sys.http.post('/cases').set('Authorization', east).set('Idempotency-Key', key).send(filing());
    const again = await sys.http.post('/cases').set('Authorization', east).set('Idempotency-Key', key).send(filing());
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);

    const other = await sys.http
      .post('/cases')
      .set('Authorization', east)
      .set('Idempotency-Key', key)
      .send(filing({ title: 'Another problem' }));
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe('idempotency_key_reused');
  });

  it('50 concurrent filings with one key make one case and one workflow', async () => {
    const key = newKey();
    const responses = await Promise.all(
      Array.from({ length: 50 }, () => sys.http.post('/cases').set('Authorization', east).set('Idempotency-Key', key).send(filing())),
    );
    expect(responses.map((r) => r.status).every((s) => s === 200 || s === 201)).toBe(true);
    const ids = new Set(responses.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    expect(await sys.db.prisma.case.count({ where: { idempotencyKey: key } })).toBe(1);
    expect(await sys.db.prisma.caseEvent.count({ where: { caseId: id } })).toBe(1);
    const runs = [];
    for await (const wf of sys.client.workflow.list({ query: `WorkflowId = "case-${id}"` })) runs.push(wf.runId);
    expect(runs).toHaveLength(1);
  });

  it('sends the filing notice through the real SMTP server exactly once', async () => {
    const res = await sys.http
      .post('/cases')
      .set('Authorization', east)
      .set('Idempotency-Key', newKey())
      .send(filing({ urgent: true, title: 'Collapsed footbridge' }));
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('district_review');
    const mail = await sys.smtp.mailbox.waitFor((m) => m.subject.includes('Collapsed footbridge'));
    expect(mail.subject).toBe(`[URGENT] Case #${res.body.number} filed: Collapsed footbridge`);
    expect(mail.to).toEqual(['district-org@ledger.test', 'east-street@ledger.test', 'east@ledger.test']);
    await expect.poll(() => sys.db.prisma.mailLog.count({ where: { subject: mail.subject } })).toBe(1);
    expect(sys.smtp.mailbox.messages().filter((m) => m.subject === mail.subject)).toHaveLength(1);
  });

  it('submits a regular case to the district once; a second submit is a 409', async () => {
    const created = await sys.http.post('/cases').set('Authorization', east).set('Idempotency-Key', newKey()).send(filing());
    const submitted = await sys.http.post(`/cases/${created.body.id}/submit`).set('Authorization', east).send({ comment: 'ready' });
    expect(submitted.status).toBe(200);
    expect(submitted.body.status).toBe('district_review');
    expect(submitted.body.history.map((h: { type: string }) => h.type)).toEqual(['filed', 'submitted_to_district']);
    expect(submitted.body.history[1]).toMatchObject({ fromStatus: 'awaiting_submission', toStatus: 'district_review', comment: 'ready' });

    const again = await sys.http.post(`/cases/${created.body.id}/submit`).set('Authorization', east).send({});
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('invalid_transition');
  });
});

describe('bad input gets a clear 4xx', () => {
  it('names every offending field, including fields the caller may not set', async () => {
    const res = await sys.http
      .post('/cases')
      .set('Authorization', east)
      .set('Idempotency-Key', newKey())
      .send({ ...filing({ kind: 'complaint', foundOn: '2026-13-01' }), status: 'closed', filingUnitId: 'x' });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    const paths = res.body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['body.kind', 'body.foundOn', 'body']));
    expect(JSON.stringify(res.body.error.fields)).toContain('status');
    expect(JSON.stringify(res.body.error.fields)).toContain('filingUnitId');
    expect(await sys.db.prisma.case.count({ where: { title: filing().title, kind: 'unclaimed_project' } })).toBe(0);
  });

  it('refuses a problem found in the future, naming the field', async () => {
    // Today in the district, against a pinned clock at every hour, is covered by district-dates.test.ts.
    const res = await sys.http
      .post('/cases')
      .set('Authorization', east)
      .set('Idempotency-Key', newKey())
      .send(filing({ foundOn: '2999-01-01' }));
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'validation_failed', fields: [{ path: 'body.foundOn' }] });
  });

  it('requires an Idempotency-Key', async () => {
    const res = await sys.http.post('/cases').set('Authorization', east).send(filing());
    expect(res.status).toBe(400);
    expect(res.body.error.fields[0].path).toBe('headers.idempotency-key');
  });

  it('rejects malformed JSON with 400 and an unknown case id format with 400', async () => {
    const broken = await sys.http
      .post('/cases')
      .set('Authorization', east)
      .set('Idempotency-Key', newKey())
      .set('Content-Type', 'application/json')
      .send('{"kind":');
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('invalid_json');
    const badId = await sys.http.get('/cases/not-a-uuid').set('Authorization', east);
    expect(badId.status).toBe(400);
    expect(badId.body.error.fields[0].path).toBe('params.id');
  });

  it('answers unknown routes with 404 and a request id', async () => {
    const res = await sys.http.get('/nowhere').set('X-Request-Id', 'trace-123');
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({ code: 'not_found', requestId: 'trace-123' });
    expect(res.headers['x-request-id']).toBe('trace-123');
  });
});

describe('authentication and scope', () => {
  it('refuses calls without a valid token', async () => {
    expect((await sys.http.get('/cases/00000000-0000-4000-8000-000000000000')).status).toBe(401);
    const res = await sys.http.get('/cases/00000000-0000-4000-8000-000000000000').set('Authorization', 'Bearer nonsense');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('unauthenticated');
  });

  it('refuses a wrong password without saying which part was wrong', async () => {
    const res = await sys.http.post('/auth/login').send({ email: 'east@ledger.test', password: 'wrong' });
    expect(res.status).toBe(401);
    expect(res.body.error.message).toBe('wrong e-mail or password');
  });

  it('hides another unit’s case (404) and lets the district of that unit see it', async () => {
    const created = await sys.http.post('/cases').set('Authorization', east).set('Idempotency-Key', newKey()).send(filing());
    const path = `/cases/${created.body.id}`;
    const expectations: Array<[string, number]> = [
      ['west@ledger.test', 404],
      ['north@ledger.test', 404],
      ['north-district@ledger.test', 404],
      ['city@ledger.test', 404],
      ['district@ledger.test', 200],
      ['admin@ledger.test', 200],
    ];
    for (const [email, status] of expectations) {
      const res = await sys.http.get(path).set('Authorization', await sys.login(email));
      expect({ email, status: res.status }).toEqual({ email, status });
      if (status === 404) expect(res.body).not.toHaveProperty('title');
    }
    const westSubmit = await sys.http
      .post(`${path}/submit`)
      .set('Authorization', await sys.login('west@ledger.test'))
      .send({});
    expect(westSubmit.status).toBe(404);
  });

  it('lets only street staff file, and logout revokes the token', async () => {
    const district = await sys.login('district@ledger.test');
    const res = await sys.http.post('/cases').set('Authorization', district).set('Idempotency-Key', newKey()).send(filing());
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');

    const token = await sys.login('west@ledger.test');
    expect((await sys.http.post('/auth/logout').set('Authorization', token)).status).toBe(204);
    expect((await sys.http.post('/cases').set('Authorization', token).set('Idempotency-Key', newKey()).send(filing())).status).toBe(401);
  });

  it('expires tokens', async () => {
    const token = await sys.login('west@ledger.test');
    const probe = () => sys.http.get('/cases/00000000-0000-4000-8000-000000000000').set('Authorization', token);
    expect((await probe()).status).toBe(404);
    await sys.db.prisma.session.updateMany({
      where: { user: { email: 'west@ledger.test' } },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await probe()).status).toBe(401);
  });
});

describe('operations endpoints', () => {
  it('reports Temporal and the database healthy', async () => {
    const res = await sys.http.get('/health');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'ok', temporal: { ok: true }, database: { ok: true } });
  });

  it('serves an OpenAPI document generated from the route schemas', async () => {
    const res = await sys.http.get('/openapi.json');
    expect(res.status).toBe(200);
    const post = res.body.paths['/cases'].post;
    expect(post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['kind', 'title', 'foundOn', 'reporter']),
    );
    expect(post.requestBody.content['application/json'].schema.additionalProperties).toBe(false);
    expect(post.parameters).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: 'idempotency-key', in: 'header', required: true })]),
    );
    expect(res.body.paths['/cases/{id}'].get.parameters[0]).toMatchObject({ name: 'id', in: 'path' });
  });

  it('lists received mail for admins only', async () => {
    const admin = await sys.http.get('/admin/mail').set('Authorization', await sys.login('admin@ledger.test'));
    expect(admin.status).toBe(200);
    expect(admin.body.embeddedSmtp).toBe(true);
    expect(admin.body.messages.length).toBeGreaterThan(0);
    const street = await sys.http.get('/admin/mail').set('Authorization', east);
    expect(street.status).toBe(403);
  });
});

describe('reconcile', () => {
  it('finds a ledger row whose workflow does not exist, listing workflows or starting from the rows', async () => {
    const { reconcile } = await import('../../../domain/cases/reconcile.ts');
    const filed = await sys.http.post('/cases').set('Authorization', east).set('Idempotency-Key', newKey()).send(filing());
    const orphan = { ...(await sys.db.prisma.case.findUniqueOrThrow({ where: { id: filed.body.id } })) };
    const id = '44444444-4444-4444-8444-444444444444';
    await sys.db.prisma.case.create({
      data: { ...orphan, id, number: undefined, workflowId: `case-${id}`, idempotencyKey: 'orphan', details: {} } as never,
    });
    try {
      for (const rowsOnly of [false, true]) {
        const report = await reconcile({ prisma: sys.db.prisma, temporal: sys.client }, { graceMs: 0, rowsOnly });
        expect(report.problems).toEqual([{ kind: 'row_without_workflow', caseId: id, workflowId: `case-${id}` }]);
      }
    } finally {
      await sys.db.prisma.case.delete({ where: { id } });
    }
  });
});
