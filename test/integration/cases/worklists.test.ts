import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedId } from '../../../domain/directory/seed.ts';
import { newKey } from '../../support/fixtures.ts';
import { fileAs, stepOk } from '../../support/case-steps.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

let sys: TestSystem;
let east: string, west: string, district: string, admin: string;
/** A second clerk of East Street: sees the views East's clerk shares, each under their own scope. */
let eastColleague: { id: string; token: string };

type Counts = {
  lists: Array<{ key: string; count: number; filters: Record<string, unknown> }>;
  views: Array<{ id: string; name: string; count: number }>;
};

const counts = async (token: string): Promise<Counts> => {
  const res = await sys.http.get('/worklists').set('Authorization', token);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Counts;
};
const countOf = (c: Counts, key: string) => c.lists.find((l) => l.key === key)?.count;

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename);
  east = await sys.login('east@ledger.test');
  west = await sys.login('west@ledger.test');
  district = await sys.login('district@ledger.test');
  admin = await sys.login('admin@ledger.test');
  eastColleague = await sys.addUser(admin, {
    email: 'east-two@ledger.test',
    displayName: 'Second East clerk',
    role: 'street_staff',
    orgUnitId: seedId('ST-EAST'),
  });
});
afterEach(() => sys.assertReconciled());
afterAll(() => sys?.stop());

describe('worklists and colleagues', () => {
  it('names the caller’s colleagues (same unit and role, not the caller, nobody of another unit)', async () => {
    const res = await sys.http.get('/colleagues').set('Authorization', east);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([{ id: eastColleague.id, name: 'Second East clerk' }]);
    const westSees = await sys.http.get('/colleagues').set('Authorization', west);
    expect(westSees.body.items).toEqual([]);
    expect((await sys.http.get('/colleagues')).status).toBe(401);
  });

  it('counts mine, unassigned in what the level holds and overdue, and the lists find the same cases', async () => {
    const before = await counts(east);
    expect(before.lists.map((l) => l.key)).toEqual(['mine', 'unassigned', 'overdue']);
    const a = await fileAs(sys, east, { title: 'Worklist case one', urgent: false });
    const b = await fileAs(sys, east, { title: 'Worklist case two', urgent: false });
    await stepOk(sys, east, a.id, 'take');
    await stepOk(sys, east, b.id, 'assignOwner', { assigneeId: eastColleague.id });
    const after = await counts(east);
    expect(countOf(after, 'mine')).toBe(countOf(before, 'mine')! + 1);
    expect(countOf(after, 'unassigned')).toBe(countOf(before, 'unassigned'));
    expect(countOf(await counts(eastColleague.token), 'mine')).toBe(1);

    // Released, it is unassigned in the unit; submitted, the district holds it, and East no longer does.
    await stepOk(sys, east, a.id, 'release');
    expect(countOf(await counts(east), 'unassigned')).toBe(countOf(before, 'unassigned')! + 1);
    const districtBefore = countOf(await counts(district), 'unassigned')!;
    await stepOk(sys, east, a.id, 'submit');
    expect(countOf(await counts(east), 'unassigned')).toBe(countOf(before, 'unassigned'));
    expect(countOf(await counts(district), 'unassigned')).toBe(districtBefore + 1);
    const unassignedList = await sys.http.get('/cases').query({ owner: 'none', held: 'true', limit: 100 }).set('Authorization', district);
    expect(unassignedList.body.items.map((c: { id: string }) => c.id)).toContain(a.id);
    expect(unassignedList.body.items.every((c: { status: string }) => c.status === 'district_review')).toBe(true);

    // An admin holds nothing: only "overdue", over everything it sees.
    expect((await counts(admin)).lists.map((l) => l.key)).toEqual(['overdue']);
  });
});

describe('saved views', () => {
  it('are saved once per Idempotency-Key, shared with the unit, changed only by their owner, and counted under the viewer’s scope', async () => {
    const key = newKey();
    const body = {
      name: 'Open hard problems',
      shared: true,
      filters: { status: ['awaiting_submission'], kind: 'hard_problem', sort: 'due' },
    };
    const saved = await sys.http.post('/views').set('Authorization', east).set('Idempotency-Key', key).send(body);
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect(saved.body).toMatchObject({ ...body, editable: true, owner: { name: 'East Street clerk' } });
    const again = await sys.http.post('/views').set('Authorization', east).set('Idempotency-Key', key).send(body);
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(saved.body.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    const sameName = await sys.http.post('/views').set('Authorization', east).send(body);
    expect(sameName.status).toBe(409);
    expect(sameName.body.error.fields).toEqual([expect.objectContaining({ path: 'body.name' })]);

    // A bad filter is refused field by field.
    const bad = await sys.http
      .post('/views')
      .set('Authorization', east)
      .send({ name: 'x', filters: { status: ['nope'] } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields[0].path).toMatch(/^body\.filters\.status/);

    // The colleague sees it, counted in their own scope; may not change it. Another unit does not see it at all.
    await fileAs(sys, east, { title: 'A hard problem for the view', kind: 'hard_problem', urgent: false });
    const colleagueViews = await sys.http.get('/views').set('Authorization', eastColleague.token);
    expect(colleagueViews.body.items).toEqual([expect.objectContaining({ id: saved.body.id, editable: false })]);
    const eastCount = (await counts(east)).views.find((v) => v.id === saved.body.id)!.count;
    expect(eastCount).toBeGreaterThan(0);
    expect((await counts(eastColleague.token)).views.find((v) => v.id === saved.body.id)!.count).toBe(eastCount);
    const listed = await sys.http
      .get('/cases')
      .query({ status: 'awaiting_submission', kind: 'hard_problem', limit: 100 })
      .set('Authorization', east);
    expect(listed.body.items).toHaveLength(eastCount);
    expect(
      (await sys.http.patch(`/views/${saved.body.id}`).set('Authorization', eastColleague.token).send({ name: 'Mine now' })).status,
    ).toBe(403);
    expect((await sys.http.get('/views').set('Authorization', west)).body.items).toEqual([]);
    expect((await sys.http.patch(`/views/${saved.body.id}`).set('Authorization', west).send({ name: 'Mine now' })).status).toBe(404);
    expect((await sys.http.delete(`/views/${saved.body.id}`).set('Authorization', west)).status).toBe(404);

    // A shared view naming another unit finds nothing for East: the viewer's scope holds.
    await fileAs(sys, west, { title: 'West only case', urgent: false });
    const westUnit = await sys.http
      .post('/views')
      .set('Authorization', east)
      .send({ name: 'West Street', shared: true, filters: { unit: seedId('ST-WEST') } });
    expect(westUnit.status).toBe(201);
    expect((await counts(eastColleague.token)).views.find((v) => v.id === westUnit.body.id)!.count).toBe(0);

    // Unshared, the colleague no longer sees it; deleted, nobody does.
    const unshared = await sys.http.patch(`/views/${saved.body.id}`).set('Authorization', east).send({ shared: false });
    expect(unshared.status).toBe(200);
    expect((await sys.http.get('/views').set('Authorization', eastColleague.token)).body.items.map((v: { id: string }) => v.id)).toEqual([
      westUnit.body.id,
    ]);
    expect((await sys.http.delete(`/views/${saved.body.id}`).set('Authorization', east)).status).toBe(204);
    expect((await counts(east)).views.map((v) => v.id)).toEqual([westUnit.body.id]);
  });
});
