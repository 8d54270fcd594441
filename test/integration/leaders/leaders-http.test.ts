import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedId } from '../../../domain/directory/seed.ts';
import { PNG_BYTES } from '../../support/fixtures.ts';
import { addLeader, recordActivity } from '../../support/leader-steps.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

// The API's "today" is pinned: 2099-03-02, 10:00 in the district (UTC+8).
const NOW = new Date('2099-03-02T02:00:00Z');
let sys: TestSystem;
let civil: string, east: string, west: string, district: string, north: string, city: string, admin: string, office: string;

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename, { clock: { now: () => NOW } });
  const tokens = await Promise.all(
    [
      'civil@ledger.test',
      'east@ledger.test',
      'west@ledger.test',
      'district@ledger.test',
      'north-district@ledger.test',
      'city@ledger.test',
      'admin@ledger.test',
      'committee-office@ledger.test',
    ].map((email) => sys.login(email)),
  );
  [civil, east, west, district, north, city, admin, office] = tokens as [string, string, string, string, string, string, string, string];
});
afterEach(() => sys.assertReconciled());
afterAll(() => sys?.stop());

const leaderBody = (overrides: Record<string, unknown> = {}) => ({
  name: 'Zhang Min',
  post: 'Director',
  rank: 'principal',
  reportsToUnitId: seedId('ST-EAST'),
  ...overrides,
});
const fields = (body: { error: { fields?: Array<{ path: string }> } }) => (body.error.fields ?? []).map((f) => f.path);

describe('leaders as data, in scope', () => {
  it('a unit clerk adds its leaders; where they report to is checked', async () => {
    const zhang = await addLeader(sys, civil, leaderBody());
    expect(zhang).toMatchObject({ unit: { id: seedId('DEPT-CIVIL') }, reportsTo: { id: seedId('ST-EAST') }, year: 2099 });
    for (const [reportsTo, why] of [
      [seedId('DEPT-CIVIL'), 'not a street or park'],
      [seedId('ST-NORTH'), 'another district'],
      [seedId('DIST'), 'the district itself'],
    ] as const) {
      const res = await sys.http
        .post('/leaders')
        .set('Authorization', civil)
        .send(leaderBody({ reportsToUnitId: reportsTo }));
      expect({ why, status: res.status, fields: fields(res.body) }).toEqual({ why, status: 400, fields: ['body.reportsToUnitId'] });
    }
    const otherUnit = await sys.http
      .post('/leaders')
      .set('Authorization', civil)
      .send(leaderBody({ unitId: seedId('GARRISON') }));
    expect(otherUnit.status).toBe(403);
    expect((await sys.http.post('/leaders').set('Authorization', admin).send(leaderBody())).status).toBe(400);
    expect((await sys.http.post('/leaders').set('Authorization', district).send(leaderBody())).status).toBe(403);
    const unknownField = await sys.http
      .post('/leaders')
      .set('Authorization', civil)
      .send(leaderBody({ active: false }));
    expect(unknownField.status).toBe(400);
    // A leadership body's office keeps its members; an admin may add to any unit.
    await addLeader(sys, office, leaderBody({ name: 'Chen Hua', post: 'Secretary', reportsToUnitId: seedId('ST-WEST') }));
    await addLeader(sys, admin, leaderBody({ unitId: seedId('GARRISON'), name: 'Wang Jun', reportsToUnitId: seedId('PK-EDZ') }));
  });

  it('a unit sees its own leaders, an office its members, the district its district, the city all', async () => {
    const names = async (token: string) =>
      ((await sys.http.get('/leaders').set('Authorization', token)).body.items as Array<{ name: string }>).map((l) => l.name).sort();
    expect(await names(civil)).toEqual(['Zhang Min']);
    expect(await names(office)).toEqual(['Chen Hua']);
    expect(await names(district)).toEqual(['Chen Hua', 'Wang Jun', 'Zhang Min']);
    expect(await names(city)).toEqual(['Chen Hua', 'Wang Jun', 'Zhang Min']);
    expect(await names(north)).toEqual([]);
    expect(await names(east)).toEqual([]);
    const zhang = (await sys.http.get('/leaders').set('Authorization', civil)).body.items[0];
    expect((await sys.http.get(`/leaders/${zhang.id}`).set('Authorization', west)).status).toBe(404);
    expect((await sys.http.patch(`/leaders/${zhang.id}`).set('Authorization', office).send({ post: 'x' })).status).toBe(404);
    const changed = await sys.http.patch(`/leaders/${zhang.id}`).set('Authorization', civil).send({ post: 'Director-General' });
    expect(changed.body.post).toBe('Director-General');
    expect((await sys.http.patch(`/leaders/${zhang.id}`).set('Authorization', civil).send({})).status).toBe(400);
  });
});

describe('activities: recorded by the unit, confirmed by the street/park', () => {
  let zhangId: string;
  beforeAll(async () => {
    zhangId = (await sys.http.get('/leaders').set('Authorization', civil)).body.items[0].id;
  });

  it('refuses a future date, a place the leader does not report to, and stray figures', async () => {
    const future = await recordActivity(sys, civil, zhangId, {
      kind: 'research_visit',
      occurredOn: '2099-03-03',
      placeUnitId: seedId('ST-EAST'),
    });
    expect(future.status).toBe(400);
    expect(fields(future.body)).toEqual(['body.occurredOn']);
    expect(future.body.error.message).toContain('2099-03-02');
    const elsewhere = await recordActivity(sys, civil, zhangId, {
      kind: 'research_visit',
      occurredOn: '2099-03-01',
      placeUnitId: seedId('ST-WEST'),
    });
    expect(elsewhere.status).toBe(400);
    expect(fields(elsewhere.body)).toEqual(['body.placeUnitId']);
    const opinions = await recordActivity(sys, civil, zhangId, {
      kind: 'research_visit',
      occurredOn: '2099-03-01',
      placeUnitId: seedId('ST-EAST'),
      opinionsCollected: 3,
    });
    expect(fields(opinions.body)).toEqual(['body.opinionsCollected']);
    const badKind = await recordActivity(sys, civil, zhangId, {
      kind: 'banquet',
      occurredOn: '2099-03-01',
      placeUnitId: seedId('ST-EAST'),
    });
    expect(fields(badKind.body)).toEqual(['body.kind']);
    expect(
      (await recordActivity(sys, east, zhangId, { kind: 'research_visit', occurredOn: '2099-03-01', placeUnitId: seedId('ST-EAST') }))
        .status,
    ).toBe(404);
    expect(await sys.db.prisma.leaderActivity.count()).toBe(0);
  });

  it('counts an activity only once the receiving street confirms it; nobody else may', async () => {
    const visit = await recordActivity(sys, civil, zhangId, {
      kind: 'research_visit',
      occurredOn: '2099-03-02',
      placeUnitId: seedId('ST-EAST'),
    });
    expect(visit.status).toBe(201);
    expect(visit.body).toMatchObject({ review: 'pending', allowedActions: [] });
    const done = async () =>
      (await sys.http.get(`/leaders/${zhangId}`).set('Authorization', civil)).body.record.standing.done.research_visit;
    expect(await done()).toBe(0);

    const pending = await sys.http.get('/leader-activities').query({ review: 'pending' }).set('Authorization', east);
    expect(pending.body.items.map((a: { id: string; allowedActions: string[] }) => [a.id, a.allowedActions])).toEqual([
      [visit.body.id, ['confirm', 'reject']],
    ]);
    expect((await sys.http.post(`/leader-activities/${visit.body.id}/confirm`).set('Authorization', civil)).status).toBe(403);
    expect((await sys.http.post(`/leader-activities/${visit.body.id}/confirm`).set('Authorization', west)).status).toBe(404);
    expect((await sys.http.post(`/leader-activities/${visit.body.id}/confirm`).set('Authorization', district)).status).toBe(403);
    expect(await done()).toBe(0);

    const confirmed = await sys.http.post(`/leader-activities/${visit.body.id}/confirm`).set('Authorization', east);
    expect(confirmed.body).toMatchObject({ review: 'confirmed', allowedActions: [] });
    expect(await done()).toBe(1);
    expect((await sys.http.post(`/leader-activities/${visit.body.id}/confirm`).set('Authorization', east)).status).toBe(409);
    expect(
      (await sys.http.post(`/leader-activities/${visit.body.id}/reject`).set('Authorization', east).send({ reason: 'x' })).status,
    ).toBe(409);

    const claimed = await recordActivity(sys, civil, zhangId, {
      kind: 'party_lecture',
      occurredOn: '2099-02-20',
      placeUnitId: seedId('ST-EAST'),
    });
    expect((await sys.http.post(`/leader-activities/${claimed.body.id}/reject`).set('Authorization', east).send({})).status).toBe(400);
    const rejected = await sys.http
      .post(`/leader-activities/${claimed.body.id}/reject`)
      .set('Authorization', east)
      .send({ reason: 'No lecture was held here that day.' });
    expect(rejected.body).toMatchObject({ review: 'rejected', rejectionReason: 'No lecture was held here that day.' });
    const record = (await sys.http.get(`/leaders/${zhangId}`).set('Authorization', civil)).body.record;
    expect(record.standing.done).toMatchObject({ research_visit: 1, party_lecture: 0 });
    expect(record.standing.missing).toMatchObject({ research_visit: 1, party_lecture: 1, planning_meeting: 1 });
    expect(record.dates.research_visit).toEqual(['2099-03-02']);
    expect(record.standing.behind).toBe(true);
  });

  it('sums the year’s standing of the principals each caller sees, per item, for the figures beside the list', async () => {
    const zhang = (await sys.http.get(`/leaders/${zhangId}`).set('Authorization', civil)).body.record.standing;
    const totals = async (token: string) => (await sys.http.get('/leader-standing').set('Authorization', token)).body;
    const own = await totals(civil);
    expect(own).toMatchObject({ year: 2099, principals: 1, behind: 1, required: zhang.required, missing: zhang.missing });
    expect(own.done.research_visit).toBe(1);
    const all = await totals(district);
    expect(all).toMatchObject({ principals: 3, behind: 3 });
    expect(all.required.research_visit).toBe(3 * zhang.required.research_visit);
    expect(all.done.research_visit + all.missing.research_visit).toBe(all.required.research_visit);
    expect(all.done.research_visit).toBe(1);
    expect(await totals(north)).toMatchObject({ principals: 0, behind: 0, done: { research_visit: 0 }, required: { research_visit: 0 } });
    expect(
      (
        await sys.http
          .get('/leader-standing')
          .query({ unit: seedId('GARRISON') })
          .set('Authorization', district)
      ).body,
    ).toMatchObject({
      principals: 1,
      done: { research_visit: 0 },
    });
  });

  it('offers each caller the table’s steps for its role, the activity’s state and its own scope; none in a frozen year', async () => {
    const lecture = await recordActivity(sys, civil, zhangId, {
      kind: 'party_lecture',
      occurredOn: '2099-03-01',
      placeUnitId: seedId('ST-EAST'),
    });
    const lateLecture = await recordActivity(sys, civil, zhangId, {
      kind: 'party_lecture',
      occurredOn: '2098-12-30',
      placeUnitId: seedId('ST-EAST'),
    });
    const actionsOf = async (activityId: string) => {
      const byCaller: Record<string, unknown> = {};
      for (const [who, token] of Object.entries({ east, civil, district, city, admin }))
        byCaller[who] = (await sys.http.get(`/leader-activities/${activityId}`).set('Authorization', token)).body.allowedActions;
      return byCaller;
    };
    const nobody = { east: [], civil: [], district: [], city: [], admin: [] };
    expect(await actionsOf(lecture.body.id)).toEqual({ ...nobody, east: ['confirm', 'reject'] });
    // Roles the table does not name are refused by the route; the state is the table's too.
    expect((await sys.http.post(`/leader-activities/${lecture.body.id}/confirm`).set('Authorization', admin)).status).toBe(403);
    expect((await sys.http.post(`/leader-activities/${lecture.body.id}/confirm`).set('Authorization', city)).status).toBe(403);
    expect((await sys.http.post(`/leader-activities/${lecture.body.id}/confirm`).set('Authorization', east)).status).toBe(200);
    expect(await actionsOf(lecture.body.id)).toEqual(nobody);
    const again = await sys.http.post(`/leader-activities/${lecture.body.id}/reject`).set('Authorization', east).send({ reason: 'x' });
    expect({ status: again.status, code: again.body.error.code }).toEqual({ status: 409, code: 'invalid_transition' });
    expect(again.body.error.params).toMatchObject({ action: 'reject', allowedFrom: ['pending'] });

    // The quota tracker froze 2098 at its end: the pending activity of that year is offered to nobody, and refused.
    await sys.db.prisma.leaderYearStanding.create({
      data: { leaderId: zhangId, year: 2098, unitId: seedId('DEPT-CIVIL'), allFourMet: false, standing: {}, frozenAt: NOW },
    });
    expect(await actionsOf(lateLecture.body.id)).toEqual(nobody);
    const frozen = await sys.http.post(`/leader-activities/${lateLecture.body.id}/confirm`).set('Authorization', east);
    expect({ status: frozen.status, code: frozen.body.error.code }).toEqual({ status: 409, code: 'conflict' });
    expect((await sys.http.get(`/leader-activities/${lateLecture.body.id}`).set('Authorization', east)).body.review).toBe('pending');
  });

  it('keeps the minutes and photos with the activity, for those who see it', async () => {
    const meeting = await recordActivity(sys, civil, zhangId, {
      kind: 'planning_meeting',
      occurredOn: '2099-02-28',
      placeUnitId: seedId('ST-EAST'),
    });
    const upload = (token: string) =>
      sys.http
        .post(`/leader-activities/${meeting.body.id}/attachments`)
        .set('Authorization', token)
        .set('Content-Type', 'image/png')
        .set('X-File-Name', 'sign-in sheet.png')
        .send(PNG_BYTES);
    expect((await upload(east)).status).toBe(403);
    const stored = await upload(civil);
    expect(stored.status).toBe(201);
    const download = await sys.http.get(`/leader-activities/${meeting.body.id}/attachments/${stored.body.id}`).set('Authorization', east);
    expect(download.status).toBe(200);
    expect(Buffer.compare(download.body as Buffer, PNG_BYTES)).toBe(0);
    expect(
      (await sys.http.get(`/leader-activities/${meeting.body.id}/attachments/${stored.body.id}`).set('Authorization', west)).status,
    ).toBe(404);
    // The case's attachment rules hold here too (one implementation): a type it does not keep is refused.
    const exe = await sys.http
      .post(`/leader-activities/${meeting.body.id}/attachments`)
      .set('Authorization', civil)
      .set('Content-Type', 'application/x-msdownload')
      .set('X-File-Name', 'run.exe')
      .send(Buffer.from('MZ'));
    expect({ status: exe.status, code: exe.body.error.code }).toEqual({ status: 415, code: 'unsupported_media_type' });
  });

  it('30 parallel uploads to one activity store exactly 20; the rest are refused with 409', async () => {
    const crowded = await recordActivity(sys, civil, zhangId, {
      kind: 'opinion_collection',
      occurredOn: '2099-02-27',
      placeUnitId: seedId('ST-EAST'),
      opinionsCollected: 30,
    });
    expect(crowded.status).toBe(201);
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        sys.http
          .post(`/leader-activities/${crowded.body.id}/attachments`)
          .set('Authorization', civil)
          .set('Content-Type', 'image/png')
          .set('X-File-Name', `opinion-${i}.png`)
          .send(PNG_BYTES),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.filter((s) => s === 409)).toHaveLength(10);
    expect(responses.find((r) => r.status === 409)?.body.error).toMatchObject({
      code: 'conflict',
      message: 'an activity holds at most 20 attachments',
    });
    expect(await sys.db.prisma.leaderActivityAttachment.count({ where: { activityId: crowded.body.id } })).toBe(20);
    const view = await sys.http.get(`/leader-activities/${crowded.body.id}`).set('Authorization', civil);
    expect(view.body.attachments).toHaveLength(20);
  });
});
