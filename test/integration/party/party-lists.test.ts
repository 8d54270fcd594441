import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedId } from '../../../domain/directory/seed.ts';
import { workflowIdForFeedback } from '../../../workflows/definitions.ts';
import { recordAs, registerAs } from '../../support/party-steps.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

// The party lists the screens page through: each answers a page and the total its filters match,
// within what the caller may see; and communities and branches kept by their clerks and by admins.
let sys: TestSystem;
const tokens: Record<string, string> = {};
const EAST = seedId('ST-EAST');
const WEST = seedId('ST-WEST');
const CIVIL = seedId('DEPT-CIVIL');
const ELM = seedId('COMM-EAST-ELM');
const RIVER = seedId('COMM-EAST-RIVER');
const YEAR = 2101;
const FEEDBACK_YEAR = 2020;
const ids: Record<string, string> = {};

const as = (who: string) => ({
  get: (path: string, query: Record<string, string | number> = {}) => sys.http.get(path).query(query).set('Authorization', tokens[who]!),
  post: (path: string, body: Record<string, unknown> = {}) => sys.http.post(path).set('Authorization', tokens[who]!).send(body),
  patch: (path: string, body: Record<string, unknown>) => sys.http.patch(path).set('Authorization', tokens[who]!).send(body),
});

/** The names on a page and the total, as a screen shows them. */
async function page(who: string, path: string, query: Record<string, string | number> = {}) {
  const res = await as(who).get(path, query);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return {
    total: res.body.total as number,
    names: (res.body.items as Array<{ name?: string; member?: { name: string } }>).map((i) => i.name ?? i.member?.name),
  };
}

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename);
  for (const who of ['east', 'west', 'civil', 'district', 'north-district', 'admin']) tokens[who] = await sys.login(`${who}@ledger.test`);
  ids.branch = (await as('civil').post('/party/branches', { name: 'Civil Affairs First Branch' })).body.id;
  // Five members at East (three registered by East, two by the Civil Affairs Bureau: one accepted, one pending), one at West.
  for (const [n, who, community] of [
    [1, 'east', ELM],
    [2, 'east', ELM],
    [3, 'east', RIVER],
    [4, 'civil', ELM],
    [5, 'civil', RIVER],
  ] as const) {
    const member = await registerAs(sys, tokens[who]!, {
      memberNumber: `PL-00${n}`,
      name: `List Member ${n}`,
      homeUnitId: who === 'civil' ? CIVIL : EAST,
      ...(who === 'civil' ? { branchId: ids.branch } : {}),
      communityId: community,
      registeredOn: '2020-01-10',
    });
    ids[`m${n}`] = member.id;
    ids[`r${n}`] = member.registrations[0]!.id;
  }
  expect((await as('east').post(`/party/registrations/${ids.r4}/accept`)).status).toBe(200);
  ids.m6 = (
    await registerAs(sys, tokens.west!, {
      memberNumber: 'PL-006',
      name: 'List Member 6',
      homeUnitId: CIVIL,
      communityId: seedId('COMM-WEST-PINE'),
      registeredOn: '2020-01-10',
    })
  ).id;
  // Records: East keeps three (one entered by the home unit, awaiting East), West one.
  ids.rec1 = (await recordAs(sys, tokens.east!, { memberId: ids.m1, kind: 'visit', servedOn: '2020-03-01', account: 'first' })).id;
  ids.rec2 = (await recordAs(sys, tokens.east!, { memberId: ids.m2, kind: 'visit', servedOn: '2020-05-01', account: 'second' })).id;
  ids.rec3 = (
    await recordAs(sys, tokens.civil!, { memberId: ids.m4, kind: 'volunteer_service', servedOn: '2020-04-01', account: 'third' })
  ).id;
  ids.rec4 = (await recordAs(sys, tokens.west!, { memberId: ids.m6, kind: 'visit', servedOn: '2020-06-01', account: 'fourth' })).id;
});
afterEach(() => sys.assertReconciled());
afterAll(() => sys?.stop());

describe('members, a page at a time', () => {
  it('pages with the total, and narrows by side, status, community and search', async () => {
    const first = await page('east', '/party/members', { limit: 2 });
    expect(first).toEqual({ total: 5, names: ['List Member 1', 'List Member 2'] });
    expect(await page('east', '/party/members', { limit: 2, offset: 4 })).toEqual({ total: 5, names: ['List Member 5'] });
    expect(await page('east', '/party/members', { status: 'pending' })).toEqual({ total: 1, names: ['List Member 5'] });
    expect(await page('east', '/party/members', { community: RIVER })).toEqual({ total: 2, names: ['List Member 3', 'List Member 5'] });
    expect(await page('east', '/party/members', { side: 'home_unit' })).toEqual({
      total: 3,
      names: ['List Member 1', 'List Member 2', 'List Member 3'],
    });
    expect(await page('east', '/party/members', { q: 'pl-004' })).toEqual({ total: 1, names: ['List Member 4'] });
    // The home unit's own members, wherever they live; never West's other data.
    expect(await page('civil', '/party/members', { side: 'home_unit' })).toEqual({
      total: 3,
      names: ['List Member 4', 'List Member 5', 'List Member 6'],
    });
    expect((await page('west', '/party/members')).total).toBe(1);
    expect((await page('district', '/party/members')).total).toBe(6);
    expect((await page('north-district', '/party/members')).total).toBe(0);
    expect((await as('east').get('/party/members', { limit: 101 })).status).toBe(400);
  });
});

describe('service records, a page at a time', () => {
  it('newest service first, with the state in words of its table, narrowed by state and side', async () => {
    const all = await as('east').get('/party/records');
    expect(all.body.total).toBe(3);
    expect(all.body.items.map((r: { account: string; state: string }) => [r.account, r.state])).toEqual([
      ['second', 'confirmed'],
      ['third', 'awaiting_confirmation'],
      ['first', 'confirmed'],
    ]);
    const waiting = await as('east').get('/party/records', { state: 'awaiting_confirmation' });
    expect(waiting.body).toMatchObject({ total: 1, items: [{ id: ids.rec3, allowedActions: ['confirm'] }] });
    expect((await as('east').get('/party/records', { side: 'home_unit' })).body.total).toBe(2);
    expect((await as('east').get('/party/records', { community: RIVER })).body.total).toBe(0);
    // The home unit reads what it entered (not yet fed back); the district everything of its units.
    const civil = await as('civil').get('/party/records', { side: 'home_unit' });
    expect(civil.body).toMatchObject({ total: 1, items: [{ id: ids.rec3, state: 'awaiting_confirmation', allowedActions: [] }] });
    expect((await as('district').get('/party/records', { limit: 1 })).body).toMatchObject({ total: 4, limit: 1, offset: 0 });
    expect((await as('district').get('/party/records', { limit: 1 })).body.items).toHaveLength(1);
  });
});

describe('communities and branches', () => {
  it('lists the district’s communities with the members registered there now', async () => {
    const res = await as('civil').get('/party/communities', { unit: EAST });
    expect(res.body.total).toBe(2);
    expect(res.body.items.map((c: { name: string; registeredCount: number }) => [c.name, c.registeredCount])).toEqual([
      ['Elm Road Community', 3],
      ['Riverside Community', 1],
    ]);
    expect((await page('north-district', '/party/communities')).total).toBe(0);
  });

  it('a clerk keeps their own street’s communities; an admin any street’s, never another kind of unit’s', async () => {
    const added = await as('east').post('/party/communities', { name: 'Lakeside Community' });
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ name: 'Lakeside Community', unit: { id: EAST }, registeredCount: 0 });
    expect((await as('east').post('/party/communities', { name: 'Elsewhere', unitId: WEST })).status).toBe(403);
    expect((await as('civil').post('/party/communities', { name: 'Not a street' })).status).toBe(403);
    expect((await as('east').post('/party/communities', { name: 'Lakeside Community' })).status).toBe(409);
    const renamed = await as('east').patch(`/party/communities/${added.body.id}`, {
      name: 'Lakeshore Community',
      email: 'lake@ledger.test',
    });
    expect(renamed.body).toMatchObject({ name: 'Lakeshore Community', email: 'lake@ledger.test' });
    expect((await as('west').patch(`/party/communities/${added.body.id}`, { name: 'Taken over' })).status).toBe(404);

    const byAdmin = await as('admin').post('/party/communities', { name: 'Hillside Community', unitId: WEST });
    expect(byAdmin.status).toBe(201);
    expect(byAdmin.body.unit).toMatchObject({ id: WEST });
    const missingUnit = await as('admin').post('/party/communities', { name: 'Nowhere' });
    expect(missingUnit.body.error.fields).toEqual([{ path: 'body.unitId', message: 'name the unit' }]);
    expect((await as('admin').post('/party/communities', { name: 'Bureau yard', unitId: CIVIL })).status).toBe(400);
    const cleared = await as('admin').patch(`/party/communities/${added.body.id}`, { email: null });
    expect(cleared.body).toMatchObject({ name: 'Lakeshore Community', email: null });
  });

  it('branches: the unit’s own, or those with members registered here; renamed by their clerk or an admin', async () => {
    expect(await page('civil', '/party/branches')).toEqual({ total: 1, names: ['Civil Affairs First Branch'] });
    expect(await page('east', '/party/branches')).toEqual({ total: 0, names: [] });
    expect(await page('east', '/party/branches', { registeredHere: 'true' })).toEqual({ total: 1, names: ['Civil Affairs First Branch'] });
    expect(await page('west', '/party/branches', { registeredHere: 'true' })).toEqual({ total: 0, names: [] });
    const byAdmin = await as('admin').post('/party/branches', { name: 'Garrison Branch', unitId: seedId('GARRISON') });
    expect(byAdmin.body).toMatchObject({ name: 'Garrison Branch', memberCount: 0 });
    expect((await as('east').patch(`/party/branches/${ids.branch}`, { name: 'Taken over' })).status).toBe(404);
    expect((await as('civil').patch(`/party/branches/${ids.branch}`, { name: 'Civil Affairs Branch One' })).body).toMatchObject({
      name: 'Civil Affairs Branch One',
      memberCount: 2,
    });
    expect((await as('admin').patch(`/party/branches/${byAdmin.body.id}`, { name: 'Garrison First Branch' })).status).toBe(200);
  });

  it('retires a community once nobody is registered there, and a branch; neither takes a new member afterwards', async () => {
    const quarry = (await as('east').post('/party/communities', { name: 'Quarry Community' })).body;
    expect(quarry).toMatchObject({ state: 'active', allowedActions: ['edit', 'retire'] });
    const seenByWest = (await as('west').get('/party/communities', { unit: EAST, q: 'Quarry' })).body.items;
    expect(seenByWest).toMatchObject([{ id: quarry.id, state: 'active', allowedActions: [] }]);
    expect((await as('west').post(`/party/communities/${quarry.id}/retire`)).status).toBe(404);
    expect((await as('district').post(`/party/communities/${quarry.id}/retire`)).status).toBe(403);
    const occupied = await as('east').post(`/party/communities/${ELM}/retire`);
    expect(occupied.status).toBe(409);
    expect(occupied.body.error.message).toBe('members are still registered with this community: move them first');

    const retired = await as('east').post(`/party/communities/${quarry.id}/retire`);
    expect(retired.status).toBe(200);
    expect(retired.body).toMatchObject({ state: 'retired', allowedActions: [] });
    expect((await as('east').post(`/party/communities/${quarry.id}/retire`)).body.error.code).toBe('invalid_transition');
    expect((await as('east').patch(`/party/communities/${quarry.id}`, { name: 'Quarry Again' })).status).toBe(409);
    expect(await page('east', '/party/communities', { unit: EAST, state: 'retired' })).toEqual({ total: 1, names: ['Quarry Community'] });
    expect((await page('east', '/party/communities', { unit: EAST, state: 'active' })).names).not.toContain('Quarry Community');

    const branch = (await as('civil').post('/party/branches', { name: 'Civil Affairs Second Branch' })).body;
    expect((await as('east').post(`/party/branches/${branch.id}/retire`)).status).toBe(404);
    expect((await as('civil').post(`/party/branches/${branch.id}/retire`)).body).toMatchObject({ state: 'retired', allowedActions: [] });
    expect((await page('civil', '/party/branches', { state: 'active' })).names).not.toContain('Civil Affairs Second Branch');

    const newcomer = { memberNumber: 'PL-RETIRED', name: 'Late Comer', homeUnitId: CIVIL, registeredOn: '2020-03-01' };
    const intoRetired = await as('civil').post('/party/members', { ...newcomer, communityId: quarry.id });
    expect(intoRetired.body.error.fields).toEqual([{ path: 'body.communityId', message: 'that community is retired' }]);
    const joiningRetired = await as('civil').post('/party/members', { ...newcomer, communityId: RIVER, branchId: branch.id });
    expect(joiningRetired.body.error.fields).toEqual([{ path: 'body.branchId', message: 'that party branch is retired' }]);
    const moveInto = await as('east').post(`/party/members/${ids.m1}/move`, { communityId: quarry.id, movedOn: '2020-06-01' });
    expect(moveInto.body.error.fields).toEqual([{ path: 'body.communityId', message: 'that community is retired' }]);
  });
});

describe('rounds and feedback years, a page at a time', () => {
  it('the district lists the year’s rounds by phase, with the members each has selected', async () => {
    expect((await as('east').post(`/party/rounds/${YEAR}/open`)).status).toBe(200);
    expect((await as('west').post(`/party/rounds/${YEAR}/open`)).status).toBe(200);
    const round = `/party/rounds/${YEAR}/${EAST}`;
    const key = `member:${ids.m1}`;
    for (const [path, body] of [
      ['nominations', { kind: 'member', subjectId: ids.m1, source: 'organization', reason: 'steady service' }],
      ['shortlist', { subjectKeys: [key] }],
      ['decision', { selected: [key] }],
      ['submission', {}],
    ] as const)
      expect((await as('east').post(`${round}/${path}`, body)).status, path).toBe(200);
    const all = await as('district').get(`/party/rounds/${YEAR}`);
    expect(all.body.total).toBe(2);
    const submitted = await as('district').get(`/party/rounds/${YEAR}`, { phase: 'submitted' });
    expect(submitted.body).toMatchObject({
      total: 1,
      items: [{ unitId: EAST, quota: 1, registeredCount: 4, selectedMembers: 1, late: false, allowedActions: ['approve', 'return'] }],
    });
    expect(submitted.body.items[0].submittedAt).toEqual(expect.any(String));
    expect((await as('west').get(`/party/rounds/${YEAR}`)).body).toMatchObject({
      total: 1,
      items: [{ unitId: WEST, phase: 'nominating' }],
    });
  });

  it('lists the feedback years and a year’s deliveries, each home unit seeing its own', async () => {
    expect((await as('admin').post(`/party/feedback/${FEEDBACK_YEAR}/open`)).status).toBe(202);
    await sys.client.workflow.getHandle(workflowIdForFeedback(FEEDBACK_YEAR)).result();
    const years = await as('civil').get('/party/feedback');
    expect(years.body).toMatchObject({ total: 1, items: [{ year: FEEDBACK_YEAR, delivered: true, deliveryCount: 1 }] });
    const deliveries = await as('district').get(`/party/feedback/${FEEDBACK_YEAR}/deliveries`);
    expect(deliveries.body.total).toBe(2);
    expect(
      deliveries.body.items.map((d: { homeUnit: { name: string }; recordCount: number }) => [d.homeUnit.name, d.recordCount]).sort(),
    ).toEqual([
      ['District Civil Affairs Bureau', 1],
      ['East Street Office', 2],
    ]);
    const own = await as('civil').get(`/party/feedback/${FEEDBACK_YEAR}/deliveries`);
    expect(own.body).toMatchObject({ total: 1, items: [{ homeUnit: { id: CIVIL }, memberCount: 2, recordCount: 1 }] });
    expect((await as('west').get(`/party/feedback/${FEEDBACK_YEAR}/deliveries`)).body.total).toBe(0);
    expect((await as('civil').get('/party/feedback/2019/deliveries')).status).toBe(404);
  });
});
