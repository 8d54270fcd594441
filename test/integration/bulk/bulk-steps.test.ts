import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedId } from '../../../domain/directory/seed.ts';
import { fileAs, historyTypes, stepOk } from '../../support/case-steps.ts';
import { newKey } from '../../support/fixtures.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

let sys: TestSystem;
let east: string, north: string, district: string, northDistrict: string, city: string;

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename);
  east = await sys.login('east@ledger.test');
  north = await sys.login('north@ledger.test');
  district = await sys.login('district@ledger.test');
  northDistrict = await sys.login('north-district@ledger.test');
  city = await sys.login('city@ledger.test');
});
afterEach(() => sys.assertReconciled());
afterAll(() => sys?.stop());

type BulkItem = { caseId: string; outcome: string; code?: string; reason?: { zh: string; en: string }; case: { number: number } | null };
type BulkJob = { id: string; finished: boolean; counts: Record<'total' | 'done' | 'refused' | 'pending', number>; items: BulkItem[] };

const startBulk = (token: string, body: Record<string, unknown>, key: string) =>
  sys.http.post('/bulk-steps').set('Authorization', token).set('Idempotency-Key', key).send(body);

/** Polls the job until every case has its outcome; each answer's counts add up to the selection. */
async function finishedJob(token: string, id: string): Promise<BulkJob> {
  for (let attempt = 0; attempt < 120; attempt++) {
    const res = await sys.http.get(`/bulk-steps/${id}`).set('Authorization', token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const job = res.body as BulkJob;
    const { total, done, refused, pending } = job.counts;
    expect(done + refused + pending).toBe(total);
    if (job.finished) return job;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`bulk step ${id} did not finish within 30 s`);
}

const historyOf = async (token: string, caseId: string) => {
  const res = await sys.http.get(`/cases/${caseId}`).set('Authorization', token);
  expect(res.status).toBe(200);
  return res.body as { status: string; history: Array<{ type: string }> };
};

describe('a bulk step over selected cases', () => {
  it('does each case that allows it, refuses the ones that moved meanwhile or are not the caller’s, and acts once per key', async () => {
    const filed = [];
    for (let i = 0; i < 6; i++) filed.push(await fileAs(sys, east, { title: `Bulk forward lamp ${i}`, urgent: true }));
    const elsewhere = await fileAs(sys, north, { title: 'Bulk forward: another district’s lamp', urgent: true });
    // Two cases move on meanwhile: one is rejected (its workflow may have ended by the time the step reaches it), one returned with questions.
    await stepOk(sys, district, filed[0]!.id, 'reject', { reason: 'not a public-service problem' });
    await stepOk(sys, district, filed[1]!.id, 'return', { questions: 'Which lamp post?' });

    const request = { step: 'forward', body: { summary: 'The city owns the lamps.' }, caseIds: [...filed.map((c) => c.id), elsewhere.id] };
    const key = newKey();
    const started = await startBulk(district, request, key);
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    expect(started.headers.location).toBe(`/bulk-steps/${started.body.id}`);
    expect(started.body.counts).toEqual({ total: 7, done: 0, refused: 0, pending: 7 });

    const job = await finishedJob(district, started.body.id);
    expect(job.counts).toEqual({ total: 7, done: 4, refused: 3, pending: 0 });
    const byCase = new Map(job.items.map((item) => [item.caseId, item]));
    for (const done of filed.slice(2)) expect(byCase.get(done.id)).toMatchObject({ outcome: 'done', case: { number: done.number } });
    expect(byCase.get(filed[0]!.id)).toMatchObject({ outcome: 'refused', code: 'invalid_transition' });
    expect(byCase.get(filed[0]!.id)!.reason!.zh).toMatch(/[\u4e00-\u9fff]/);
    expect(byCase.get(filed[0]!.id)!.reason!.en).toMatch(/closed|rejected/);
    expect(byCase.get(filed[1]!.id)).toMatchObject({ outcome: 'refused', code: 'invalid_transition' });
    // Another district's case is "not found" for that item, and nothing of it is shown.
    expect(byCase.get(elsewhere.id)).toEqual({
      caseId: elsewhere.id,
      outcome: 'refused',
      code: 'not_found',
      reason: { zh: expect.any(String), en: 'not found, or not visible to you' },
      case: null,
    });
    expect((await historyOf(north, elsewhere.id)).status).toBe('district_review');

    // The same request with the same key answers the same job and acts on no case again.
    const again = await startBulk(district, request, key);
    expect(again.status, JSON.stringify(again.body)).toBe(202);
    expect(again.body).toMatchObject({ id: job.id, finished: true, counts: job.counts });
    for (const done of filed.slice(2)) {
      const types = historyTypes(await historyOf(district, done.id));
      expect(types.filter((type) => type === 'forwarded_to_municipal')).toHaveLength(1);
    }
    // The key with another request is refused; another key is another job.
    expect((await startBulk(district, { ...request, body: { summary: 'Other words' } }, key)).status).toBe(409);

    // The job is the caller's unit's to read: a colleague reads it; another district's officer gets 404, as for a job that does not exist.
    const colleague = await sys.addUser(await sys.login('admin@ledger.test'), {
      email: 'bulk-colleague@ledger.test',
      displayName: 'Bulk colleague',
      role: 'district_officer',
      orgUnitId: seedId('DIST'),
    });
    expect((await sys.http.get(`/bulk-steps/${job.id}`).set('Authorization', colleague.token)).body.counts).toEqual(job.counts);
    expect((await sys.http.get(`/bulk-steps/${job.id}`).set('Authorization', northDistrict)).status).toBe(404);
    expect((await sys.http.get(`/bulk-steps/${'0'.repeat(32)}`).set('Authorization', district)).status).toBe(404);
  });

  it('takes all cases a filter finds, within the caller’s scope, and checks the step’s role', async () => {
    const marker = `Bulktake${Date.now()}`;
    const mine = [
      await fileAs(sys, east, { title: `${marker} bench`, urgent: true }),
      await fileAs(sys, east, { title: `${marker} sign`, urgent: true }),
    ];
    await fileAs(sys, north, { title: `${marker} north bench`, urgent: true });

    // What "all matching" would be, before it is sent: the caller's own cases only, and the steps the table offers from their status.
    const preview = await sys.http
      .get('/bulk-steps/matching')
      .query({ q: marker, status: 'district_review' })
      .set('Authorization', district);
    expect(preview.status, JSON.stringify(preview.body)).toBe(200);
    expect(preview.body).toMatchObject({ count: 2, max: 500 });
    expect([...preview.body.steps].sort()).toEqual(['assignOwner', 'forward', 'note', 'reject', 'return', 'take']);
    const northPreview = await sys.http.get('/bulk-steps/matching').query({ q: marker }).set('Authorization', northDistrict);
    expect(northPreview.body.count).toBe(1);

    const started = await startBulk(district, { step: 'take', body: {}, matching: { q: marker, status: ['district_review'] } }, newKey());
    expect(started.status, JSON.stringify(started.body)).toBe(202);
    expect(started.body.counts.total).toBe(2);
    const job = await finishedJob(district, started.body.id);
    expect(job.counts).toMatchObject({ done: 2, refused: 0 });
    for (const filed of mine) expect((await historyOf(district, filed.id)).history.at(-1)).toMatchObject({ type: 'owner_taken' });

    // A filter that finds nothing, both selections at once, a step the role may not take.
    const none = await startBulk(district, { step: 'take', body: {}, matching: { q: `${marker}nothing` } }, newKey());
    expect(none.status).toBe(400);
    expect(none.body.error.fields[0].path).toBe('body.matching');
    const both = await startBulk(district, { step: 'take', body: {}, caseIds: [mine[0]!.id], matching: {} }, newKey());
    expect(both.status).toBe(400);
    expect((await startBulk(city, { step: 'forward', body: { summary: 'x' }, caseIds: [mine[0]!.id] }, newKey())).status).toBe(403);
    expect((await startBulk(east, { step: 'reject', body: { reason: 'x' }, caseIds: [mine[0]!.id] }, newKey())).status).toBe(403);
  });
});
