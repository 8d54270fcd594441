import { systemClock } from '../../../lib/clock.ts';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fileCase } from '../../../domain/cases/cases.ts';
import { loadConfig } from '../../../lib/config.ts';
import { DomainError } from '../../../lib/errors.ts';
import type { CaseFiling } from '../../../model/cases/filing.ts';
import { fileAs } from '../../support/case-steps.ts';
import { filing, newKey } from '../../support/fixtures.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

let sys: TestSystem;
let east: string, admin: string;

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename);
  east = await sys.login('east@ledger.test');
  admin = await sys.login('admin@ledger.test');
});
afterEach(() => sys.assertReconciled());
afterAll(() => sys?.stop());

const fieldPaths = (res: { body: { error?: { fields?: Array<{ path: string }> } } }) => res.body.error?.fields?.map((f) => f.path);

describe('dates and half-years are bounded to the years 1900-2100 everywhere', () => {
  it('refuses a filing found on a date PostgreSQL cannot store, at the edge', async () => {
    for (const foundOn of ['0000-01-01', '0999-12-31', '1899-12-31']) {
      const res = await sys.http.post('/cases').set('Authorization', east).set('Idempotency-Key', newKey()).send(filing({ foundOn }));
      expect(res.status, foundOn).toBe(400);
      expect(fieldPaths(res)).toEqual(['body.foundOn']);
    }
  });

  it('refuses out-of-range dates and half-years in lists, statistics, exports, export jobs and the calendar', async () => {
    const gets = [
      ['/cases?filedFrom=0000-01-01', 'query.filedFrom'],
      ['/cases?filedTo=2101-01-01', 'query.filedTo'],
      ['/statistics?cycle=0999-H2', 'query.cycle'],
      ['/statistics?filedFrom=0100-01-01', 'query.filedFrom'],
      ['/exports/annex3?cycle=0999-H2', 'query.cycle'],
    ] as const;
    for (const [url, path] of gets) {
      const res = await sys.http.get(url).set('Authorization', admin);
      expect(res.status, url).toBe(400);
      expect(fieldPaths(res), url).toEqual([path]);
    }
    const job = await sys.http.post('/exports/jobs').set('Authorization', admin).send({ filedTo: '0000-01-01' });
    expect(job.status).toBe(400);
    expect(fieldPaths(job)).toEqual(['body.filedTo']);
    const calendar = await sys.http
      .put('/calendar')
      .set('Authorization', admin)
      .send({ days: [{ date: '0000-01-01', kind: 'holiday' }] });
    expect(calendar.status).toBe(400);
    expect(fieldPaths(calendar)).toEqual(['body.days.0.date']);
  });

  it('refuses a list cursor of year 0 as a bad cursor', async () => {
    const cursor = Buffer.from(
      JSON.stringify({ filedAt: '0000-01-01T00:00:00.000Z', id: '00000000-0000-4000-8000-000000000000' }),
    ).toString('base64url');
    const res = await sys.http.get('/cases').query({ cursor }).set('Authorization', east);
    expect(res.status).toBe(400);
    expect(fieldPaths(res)).toEqual(['query.cursor']);
  });

  it('refuses to open the cycles of a half-year out of range, instead of starting a workflow that cannot run', async () => {
    for (const cycle of ['0100-H2', '0999-H1', '2101-H1']) {
      const res = await sys.http.post(`/cycles/${cycle}/open`).set('Authorization', admin);
      expect(res.status, cycle).toBe(400);
      expect(fieldPaths(res)).toEqual(['params.cycle']);
    }
  });
});

describe('a value the ledger refuses', () => {
  it('fails the filing fast with a 400-class error, and leaves no workflow without its row', async () => {
    // Past the API's validation, straight into the domain: the workflow meets a date PostgreSQL refuses.
    const user = await sys.db.prisma.user.findUniqueOrThrow({ where: { email: 'east@ledger.test' } });
    const poisoned = filing({ foundOn: '0000-01-01' }) as CaseFiling;
    const started = Date.now();
    const error = await fileCase(
      { prisma: sys.db.prisma, temporal: sys.client, policy: loadConfig({ LOG_LEVEL: 'silent' }).deadlines, clock: systemClock },
      user,
      poisoned,
      newKey(),
    ).catch((e: unknown) => e);
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'validation_failed', message: expect.stringMatching(/ledger refuses.*out of range/) });

    const failed = await vi.waitFor(async () => {
      const found: string[] = [];
      for await (const wf of sys.client.workflow.list({ query: 'WorkflowType = "caseWorkflow" AND ExecutionStatus = "Failed"' }))
        found.push(wf.workflowId);
      expect(found).toHaveLength(1);
      return found[0]!;
    });
    expect(await sys.db.prisma.case.count({ where: { workflowId: failed } })).toBe(0);
    await expect(sys.client.workflow.getHandle(failed).result()).rejects.toMatchObject({ cause: { type: 'LedgerRefused' } });
    // afterEach: reconcile knows a refused filing has no row by design, and finds nothing else.
  });
});

describe('free text', () => {
  it('refuses bidi overrides, zero-width characters and line separators in a title, with the field named', async () => {
    for (const title of ['Lamp \u202Eout\u202C on Elm', 'Lamp\u200B out', 'Lamp out\u2028on Elm', 'Lamp\nout']) {
      const res = await sys.http.post('/cases').set('Authorization', east).set('Idempotency-Key', newKey()).send(filing({ title }));
      expect(res.status, JSON.stringify(title)).toBe(400);
      expect(fieldPaths(res)).toEqual(['body.title']);
    }
    const family = await fileAs(sys, east, { title: 'Playground for 👨‍👩‍👧 families', description: 'Two lines\nof text' });
    expect(family.id).toBeDefined();
  });

  it('finds % and _ in the search box literally', async () => {
    const percent = await fileAs(sys, east, { title: 'Repairs 100% overdue' });
    await fileAs(sys, east, { title: 'Repairs 1000 days overdue' });
    const underscore = await fileAs(sys, east, { title: 'Sign reads a_b' });
    await fileAs(sys, east, { title: 'Sign reads axb' });
    const search = async (q: string) =>
      (await sys.http.get('/cases').query({ q }).set('Authorization', east)).body.items.map((c: { id: string }) => c.id);
    expect(await search('0%')).toEqual([percent.id]);
    expect(await search('a_b')).toEqual([underscore.id]);
    expect(await search('%%')).toEqual([]);
  });
});

describe('file names', () => {
  const upload = (caseId: string, name: string) =>
    sys.http
      .post(`/cases/${caseId}/attachments`)
      .set('Authorization', east)
      .set('Content-Type', 'text/plain')
      .set('X-File-Name', name)
      .send('hello');

  it('takes a Chinese name percent-encoded or in RFC 5987 form, stores it, and sends it back in Content-Disposition', async () => {
    const { id: caseId } = await fileAs(sys, east, { title: 'Case with a Chinese file name' });
    const encoded = encodeURIComponent('文件名.txt');
    for (const header of [encoded, `UTF-8''${encoded}`]) {
      const res = await upload(caseId, header);
      expect(res.status, header).toBe(201);
      expect(res.body.fileName).toBe('文件名.txt');
      const download = await sys.http.get(`/cases/${caseId}/attachments/${res.body.id}`).set('Authorization', east);
      expect(download.status).toBe(200);
      expect(download.headers['content-disposition']).toBe(`attachment; filename="___.txt"; filename*=UTF-8''${encoded}`);
    }
    const row = await sys.db.prisma.attachment.findFirstOrThrow({ where: { caseId } });
    expect(row.fileName).toBe('文件名.txt');
    const broken = await upload(caseId, '%E6%96.txt');
    expect(broken.status).toBe(400);
    expect(fieldPaths(broken)).toEqual(['headers.x-file-name']);
  });
});
