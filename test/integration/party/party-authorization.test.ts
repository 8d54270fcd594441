import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../../api/app.ts';
import { seedId } from '../../../domain/directory/seed.ts';
import { workflowIdForFeedback } from '../../../workflows/definitions.ts';
import { OUTSIDERS_OF_EAST, newKey } from '../../support/fixtures.ts';
import { recordAs, registerAs } from '../../support/party-steps.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

// The party routes x every outsider to East Street's members, records, round and feedback.
let sys: TestSystem;
const EAST = seedId('ST-EAST');
const SECRET = { name: 'Matrix Member', contact: '137-1234-5678', account: 'Matrix account' };
const ids = { member: '', registration: '', record: '', branch: '' };
const YEAR = 2101;
const FEEDBACK_YEAR = 2020;

type Request = () => ReturnType<TestSystem['http']['get']>;
/**
 * How each party route is called against East's data. `target`: names East's data, so an outsider
 * whose role may call it gets 404; `list`: answers 200 without East's data; `own`: acts on the
 * caller's own unit only (checked by the unit in the answer); `refused`: 403 for every outsider.
 */
const CALLS: Record<string, { kind: 'target' | 'list' | 'own' | 'refused'; call: Request }> = {
  'get /party/communities': { kind: 'list', call: () => sys.http.get('/party/communities') },
  'post /party/communities': { kind: 'own', call: () => sys.http.post('/party/communities').send({ name: `Matrix ${Math.random()}` }) },
  'patch /party/communities/:id': {
    kind: 'target',
    call: () => sys.http.patch(`/party/communities/${seedId('COMM-EAST-ELM')}`).send({ name: 'Renamed by an outsider' }),
  },
  'get /party/branches': { kind: 'list', call: () => sys.http.get('/party/branches') },
  'patch /party/branches/:id': {
    kind: 'target',
    call: () => sys.http.patch(`/party/branches/${ids.branch}`).send({ name: 'Renamed by an outsider' }),
  },
  'post /party/communities/:id/retire': {
    kind: 'target',
    call: () => sys.http.post(`/party/communities/${seedId('COMM-EAST-RIVER')}/retire`),
  },
  'post /party/branches/:id/retire': { kind: 'target', call: () => sys.http.post(`/party/branches/${ids.branch}/retire`) },
  'post /party/branches': { kind: 'own', call: () => sys.http.post('/party/branches').send({ name: `Matrix ${Math.random()}` }) },
  'post /party/members': {
    kind: 'refused',
    call: () =>
      sys.http.post('/party/members').send({
        memberNumber: 'MX-999',
        name: 'Intruder',
        homeUnitId: seedId('DEPT-CIVIL'),
        communityId: seedId('COMM-EAST-ELM'),
        registeredOn: '2020-01-01',
      }),
  },
  'get /party/members': { kind: 'list', call: () => sys.http.get('/party/members') },
  'get /party/members/:id': { kind: 'target', call: () => sys.http.get(`/party/members/${ids.member}`) },
  'post /party/members/:id/move': {
    kind: 'target',
    call: () => sys.http.post(`/party/members/${ids.member}/move`).send({ communityId: seedId('COMM-WEST-PINE'), movedOn: '2021-01-01' }),
  },
  'post /party/registrations/:id/accept': { kind: 'target', call: () => sys.http.post(`/party/registrations/${ids.registration}/accept`) },
  'post /party/records': {
    kind: 'target',
    call: () =>
      sys.http
        .post('/party/records')
        .set('Idempotency-Key', newKey())
        .send({ memberId: ids.member, kind: 'visit', servedOn: '2020-05-01', account: 'x' }),
  },
  'get /party/records': { kind: 'list', call: () => sys.http.get('/party/records') },
  'post /party/records/:id/confirm': { kind: 'target', call: () => sys.http.post(`/party/records/${ids.record}/confirm`) },
  'post /party/feedback/:year/open': { kind: 'refused', call: () => sys.http.post(`/party/feedback/${FEEDBACK_YEAR}/open`) },
  'get /party/feedback': { kind: 'list', call: () => sys.http.get('/party/feedback') },
  'get /party/feedback/:year': { kind: 'list', call: () => sys.http.get(`/party/feedback/${FEEDBACK_YEAR}`) },
  'get /party/feedback/:year/deliveries': { kind: 'list', call: () => sys.http.get(`/party/feedback/${FEEDBACK_YEAR}/deliveries`) },
  'get /party/feedback/:year/units/:unitId': {
    kind: 'target',
    call: () => sys.http.get(`/party/feedback/${FEEDBACK_YEAR}/units/${EAST}`).query({ format: 'html' }),
  },
  'post /party/rounds/:year/open': { kind: 'own', call: () => sys.http.post(`/party/rounds/${YEAR}/open`) },
  'get /party/rounds/:year': { kind: 'list', call: () => sys.http.get(`/party/rounds/${YEAR}`) },
  'get /party/rounds/:year/:unitId': { kind: 'target', call: () => sys.http.get(`/party/rounds/${YEAR}/${EAST}`) },
  'post /party/rounds/:year/:unitId/nominations': {
    kind: 'target',
    call: () =>
      sys.http
        .post(`/party/rounds/${YEAR}/${EAST}/nominations`)
        .send({ kind: 'member', subjectId: ids.member, source: 'residents', reason: 'x' }),
  },
  'post /party/rounds/:year/:unitId/shortlist': {
    kind: 'target',
    call: () => sys.http.post(`/party/rounds/${YEAR}/${EAST}/shortlist`).send({ subjectKeys: [`member:${ids.member}`] }),
  },
  'post /party/rounds/:year/:unitId/decision': {
    kind: 'target',
    call: () => sys.http.post(`/party/rounds/${YEAR}/${EAST}/decision`).send({ selected: [] }),
  },
  'post /party/rounds/:year/:unitId/submission': {
    kind: 'target',
    call: () => sys.http.post(`/party/rounds/${YEAR}/${EAST}/submission`).send({}),
  },
  'post /party/rounds/:year/:unitId/approve': {
    kind: 'target',
    call: () => sys.http.post(`/party/rounds/${YEAR}/${EAST}/approve`).send({}),
  },
  'post /party/rounds/:year/:unitId/return': {
    kind: 'target',
    call: () => sys.http.post(`/party/rounds/${YEAR}/${EAST}/return`).send({ reason: 'x' }),
  },
  'get /party/commendations/:year': { kind: 'list', call: () => sys.http.get(`/party/commendations/${YEAR}`).query({ format: 'csv' }) },
};

const OUTSIDERS = OUTSIDERS_OF_EAST;
const partyRoutes = routes.filter((r) => r.path.startsWith('/party/'));
const counts = async () => [
  await sys.db.prisma.serviceRecord.count(),
  await sys.db.prisma.memberRegistration.count(),
  await sys.db.prisma.recommendationNomination.count(),
  await sys.db.prisma.partyMember.count(),
];

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename);
  const east = await sys.login('east@ledger.test');
  const civil = await sys.login('civil@ledger.test');
  const district = await sys.login('district@ledger.test');
  ids.branch = (await sys.http.post('/party/branches').set('Authorization', east).send({ name: 'East Street Office Branch' })).body.id;
  const member = await registerAs(sys, east, {
    memberNumber: 'MX-001',
    name: SECRET.name,
    homeUnitId: EAST,
    contact: SECRET.contact,
    communityId: seedId('COMM-EAST-ELM'),
    registeredOn: '2020-01-10',
  });
  ids.member = member.id;
  await recordAs(sys, east, { memberId: member.id, kind: 'visit', servedOn: '2020-03-01', account: SECRET.account });
  const other = await registerAs(sys, civil, {
    memberNumber: 'MX-002',
    name: 'Matrix Bureau Member',
    homeUnitId: seedId('DEPT-CIVIL'),
    communityId: seedId('COMM-EAST-RIVER'),
    registeredOn: '2020-02-01',
  });
  expect((await sys.http.post(`/party/registrations/${other.registrations[0]!.id}/accept`).set('Authorization', east)).status).toBe(200);
  ids.record = (await recordAs(sys, civil, { memberId: other.id, kind: 'visit', servedOn: '2020-04-01', account: SECRET.account })).id;
  const pending = await registerAs(sys, civil, {
    memberNumber: 'MX-003',
    name: 'Matrix Pending',
    homeUnitId: seedId('DEPT-CIVIL'),
    communityId: seedId('COMM-EAST-ELM'),
    registeredOn: '2020-02-01',
  });
  ids.registration = pending.registrations[0]!.id;
  // Four registered: round(15 % x 4) = 1 may be recommended.
  for (const n of [4, 5])
    await registerAs(sys, east, {
      memberNumber: `MX-00${n}`,
      name: `Matrix filler ${n}`,
      homeUnitId: EAST,
      communityId: seedId('COMM-EAST-ELM'),
      registeredOn: '2020-02-01',
    });
  // East's round, approved with the member on the July 1 list.
  const round = `/party/rounds/${YEAR}/${EAST}`;
  expect((await sys.http.post(`/party/rounds/${YEAR}/open`).set('Authorization', east)).status).toBe(200);
  const key = `member:${member.id}`;
  for (const [path, body, token] of [
    ['nominations', { kind: 'member', subjectId: member.id, source: 'residents', reason: 'x' }, east],
    ['shortlist', { subjectKeys: [key] }, east],
    ['decision', { selected: [key] }, east],
    ['submission', {}, east],
    ['approve', {}, district],
  ] as const)
    expect((await sys.http.post(`${round}/${path}`).set('Authorization', token).send(body)).status, path).toBe(200);
  // A past year's feedback (a backfill) delivers at once; East is the member's home unit.
  expect(
    (await sys.http.post(`/party/feedback/${FEEDBACK_YEAR}/open`).set('Authorization', await sys.login('admin@ledger.test'))).status,
  ).toBe(202);
  expect((await sys.client.workflow.getHandle(workflowIdForFeedback(FEEDBACK_YEAR)).result()).deliveredUnitIds).toContain(EAST);
});
afterEach(() => sys.assertReconciled());
afterAll(() => sys?.stop());

describe('authorization matrix: every party endpoint x every outsider', () => {
  it('covers every party route', () => {
    expect(partyRoutes.map((r) => `${r.method} ${r.path}`).sort()).toEqual(Object.keys(CALLS).sort());
  });

  it('the owning street, its district and the home unit may read what is theirs', async () => {
    for (const email of ['east@ledger.test', 'district@ledger.test', 'admin@ledger.test']) {
      const token = await sys.login(email);
      for (const key of ['get /party/members/:id', 'get /party/rounds/:year/:unitId', 'get /party/feedback/:year/units/:unitId'])
        expect({ email, key, status: (await CALLS[key]!.call().set('Authorization', token)).status }).toMatchObject({ status: 200 });
      expect((await CALLS['get /party/commendations/:year']!.call().set('Authorization', token)).text).toContain(SECRET.name);
    }
  });

  for (const outsider of OUTSIDERS) {
    it(`${outsider.email} (${outsider.role}) gets 403 or 404 and no data from East's`, async () => {
      const token = await sys.login(outsider.email);
      const before = await counts();
      for (const route of partyRoutes) {
        const key = `${route.method} ${route.path}`;
        const { kind, call } = CALLS[key]!;
        const res = await call().set('Authorization', token);
        const roleRefused = route.roles !== undefined && !route.roles.includes(outsider.role);
        const expected = roleRefused || kind === 'refused' ? 403 : kind === 'target' ? 404 : 200;
        if (kind === 'own' && !roleRefused) expect([200, 201]).toContain(res.status);
        else expect({ key, status: res.status }).toEqual({ key, status: expected });
        if (res.status >= 400) expect(Object.keys(res.body)).toEqual(['error']);
        if (kind === 'own' && !roleRefused) expect(JSON.stringify(res.body)).not.toContain(EAST);
        for (const secret of [...Object.values(SECRET), ids.member])
          expect({ key, leaked: (res.text ?? '').includes(secret) }).toEqual({ key, leaked: false });
      }
      expect(await counts()).toEqual(before);
      expect((await sys.db.prisma.community.findUniqueOrThrow({ where: { id: seedId('COMM-EAST-ELM') } })).name).toBe('Elm Road Community');
      expect((await sys.db.prisma.partyBranch.findUniqueOrThrow({ where: { id: ids.branch } })).name).toBe('East Street Office Branch');
    });
  }
});
