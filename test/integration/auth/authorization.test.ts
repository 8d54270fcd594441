import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../../api/app.ts';
import { seedId } from '../../../domain/directory/seed.ts';
import { fileAs } from '../../support/case-steps.ts';
import { newKey, OUTSIDERS_OF_EAST, PNG_BYTES } from '../../support/fixtures.ts';
import { addLeader, recordActivity } from '../../support/leader-steps.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

let sys: TestSystem;
let caseId: string;
let historyLength: number;
let attachmentId: string;
const leader = { id: '', activityId: '', attachmentId: '' };

/** A valid query for the case routes that need one (by the path's last part), so that only scope and role can stop the call. */
const VALID_QUERIES: Record<string, Record<string, string>> = { 'stock-replies': { step: 'forward' } };

/** A valid body for each case route, so that only scope and role can stop the call. */
const VALID_BODIES: Record<string, Record<string, unknown>> = {
  submit: {},
  resubmit: {},
  forward: { summary: 'x' },
  solve: { resolution: 'x' },
  return: { questions: 'x' },
  merge: { primaryCaseId: '00000000-0000-4000-8000-000000000000' },
  reject: { reason: 'x' },
  assign: { coordinatingBody: 'x' },
  note: { note: 'x' },
  resolve: { resolution: 'x' },
  declareUnsolvable: { reason: 'x', referTo: 'y' },
  feedback: { satisfied: true },
  take: {},
  assignOwner: { assigneeId: '00000000-0000-4000-8000-000000000000' },
  release: {},
  claim: { leaderId: '00000000-0000-4000-8000-000000000000' },
  attachments: {},
  funds: { amount: 100, purpose: 'x', approvedBy: 'x', approvedOn: '2020-01-01' },
};

const OUTSIDERS = OUTSIDERS_OF_EAST;

const caseRoutes = routes.filter((r) => r.path.startsWith('/cases/:id'));

/** A route that takes a key gets a fresh one: only scope and role may stop the call. */
const keyed = (route: (typeof routes)[number], request: ReturnType<typeof sys.http.post>) =>
  route.idempotency ? request.set('Idempotency-Key', newKey()) : request;

/** The request an in-scope caller with the right role would make to this route. */
function requestFor(route: (typeof routes)[number]) {
  const path = route.path.replace(':id', caseId).replace(':attachmentId', attachmentId);
  if (route.method === 'get') return sys.http.get(path).query(VALID_QUERIES[path.split('/').at(-1) ?? ''] ?? {});
  if (route.rawBody) return keyed(route, sys.http.post(path)).set('Content-Type', 'image/png').set('X-File-Name', 'x.png').send(PNG_BYTES);
  return keyed(route, sys.http.post(path)).send(VALID_BODIES[path.split('/').at(-1) ?? ''] ?? {});
}

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename);
  const east = await sys.login('east@ledger.test');
  const filed = await fileAs(sys, east, { urgent: true, title: 'Authorization matrix case' });
  caseId = filed.id;
  const upload = await sys.http
    .post(`/cases/${caseId}/attachments`)
    .set('Authorization', east)
    .set('Content-Type', 'image/png')
    .set('X-File-Name', 'matrix.png')
    .send(PNG_BYTES);
  attachmentId = upload.body.id;
  // The upload is recorded in the case's history by the workflow, just after the answer.
  for (let tries = 0; (await sys.db.prisma.caseEvent.count({ where: { caseId, type: 'attachment_added' } })) === 0; tries += 1) {
    if (tries > 200) throw new Error('the upload never reached the case history');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  historyLength = await sys.db.prisma.caseEvent.count({ where: { caseId } });

  const civil = await sys.login('civil@ledger.test');
  leader.id = (
    await addLeader(sys, civil, { name: 'Matrix Leader', post: 'Director', rank: 'principal', reportsToUnitId: seedId('ST-EAST') })
  ).id;
  // A date long past whatever the real date is: the recording is all that matters here.
  const activity = await recordActivity(sys, civil, leader.id, {
    kind: 'research_visit',
    occurredOn: '2001-01-01',
    placeUnitId: seedId('ST-EAST'),
  });
  leader.activityId = activity.body.id;
  leader.attachmentId = (
    await sys.http
      .post(`/leader-activities/${leader.activityId}/attachments`)
      .set('Authorization', civil)
      .set('Content-Type', 'image/png')
      .set('X-File-Name', 'minutes.png')
      .send(PNG_BYTES)
  ).body.id;
});
afterEach(() => sys.assertReconciled());
afterAll(() => sys?.stop());

describe('authorization matrix: every case endpoint x every outsider', () => {
  it('covers every case route', () => {
    expect(caseRoutes.length).toBeGreaterThanOrEqual(15);
    for (const route of caseRoutes.filter((r) => r.method === 'post')) {
      expect(Object.keys(VALID_BODIES), route.path).toContain(route.path.split('/').at(-1));
    }
  });

  for (const outsider of OUTSIDERS) {
    it(`${outsider.email} (${outsider.role}) gets 403 or 404 and no data from any endpoint`, async () => {
      const token = await sys.login(outsider.email);
      for (const route of caseRoutes) {
        const res = await requestFor(route).set('Authorization', token);
        const expected = route.roles && !route.roles.includes(outsider.role) ? 403 : 404;
        expect({ route: `${route.method} ${route.path}`, status: res.status }).toEqual({
          route: `${route.method} ${route.path}`,
          status: expected,
        });
        expect(Object.keys(res.body)).toEqual(['error']);
        expect(res.headers['content-type']).toContain('application/json');
        expect(JSON.stringify(res.body)).not.toContain('Authorization matrix case');
      }
      const list = await sys.http.get('/cases').query({ q: 'Authorization matrix' }).set('Authorization', token);
      expect(list.status).toBe(200);
      expect(list.body.items).toEqual([]);
      expect(await sys.db.prisma.caseEvent.count({ where: { caseId } })).toBe(historyLength);
    });
  }

  it('the owning unit and its district may read it; nobody may do what their role does not allow', async () => {
    for (const email of ['east@ledger.test', 'district@ledger.test', 'admin@ledger.test']) {
      expect((await sys.http.get(`/cases/${caseId}`).set('Authorization', await sys.login(email))).status).toBe(200);
    }
    const admin = await sys.login('admin@ledger.test');
    for (const route of caseRoutes.filter((r) => r.method === 'post' && r.roles)) {
      const res = await requestFor(route).set('Authorization', admin);
      expect({ path: route.path, status: res.status }).toEqual({ path: route.path, status: 403 });
    }
  });

  it('rejects fields a caller may not set on every step, before anything else happens', async () => {
    const district = await sys.login('district@ledger.test');
    for (const route of caseRoutes.filter((r) => r.method === 'post' && !r.rawBody)) {
      const path = route.path.replace(':id', caseId);
      const body = {
        ...(VALID_BODIES[path.split('/').at(-1) ?? ''] ?? {}),
        status: 'closed',
        filingUnitId: caseId,
        actor: { role: 'admin' },
      };
      const res = await sys.http.post(path).set('Authorization', district).send(body);
      expect([400, 403]).toContain(res.status);
      if (res.status === 400) expect(JSON.stringify(res.body.error.fields)).toContain('status');
    }
    expect(await sys.db.prisma.caseEvent.count({ where: { caseId } })).toBe(historyLength);
  });
});

/** A valid body for each leader route, so that only scope and role can stop the call. */
const LEADER_BODIES: Record<string, Record<string, unknown>> = {
  'patch /leaders/:id': { post: 'x' },
  'post /leaders/:id/activities': {
    kind: 'research_visit',
    occurredOn: '2001-01-01',
    placeUnitId: seedId('ST-EAST'),
    participants: 'x',
    account: 'x',
  },
  'post /leader-activities/:activityId/confirm': {},
  'post /leader-activities/:activityId/reject': { reason: 'x' },
};
const leaderRoutes = routes.filter((r) => r.path.startsWith('/leaders/:id') || r.path.startsWith('/leader-activities/:activityId'));

function leaderRequestFor(route: (typeof routes)[number]) {
  const path = route.path.replace(':id', leader.id).replace(':activityId', leader.activityId).replace(':attachmentId', leader.attachmentId);
  if (route.method === 'get') return sys.http.get(path);
  if (route.rawBody) return keyed(route, sys.http.post(path)).set('Content-Type', 'image/png').set('X-File-Name', 'x.png').send(PNG_BYTES);
  return keyed(route, sys.http[route.method](path)).send(LEADER_BODIES[`${route.method} ${route.path}`] ?? {});
}

describe('authorization matrix: every leader endpoint x every outsider', () => {
  it('covers every leader route', () => {
    expect(leaderRoutes.length).toBeGreaterThanOrEqual(8);
    for (const route of leaderRoutes.filter((r) => r.method !== 'get' && !r.rawBody)) {
      expect(Object.keys(LEADER_BODIES), route.path).toContain(`${route.method} ${route.path}`);
    }
  });

  // The city's liaison sees every district's leaders: not an outsider here.
  for (const outsider of OUTSIDERS.filter((o) => o.role !== 'municipal_liaison')) {
    it(`${outsider.email} (${outsider.role}) gets 403 or 404 and no data from any leader endpoint`, async () => {
      const token = await sys.login(outsider.email);
      for (const route of leaderRoutes) {
        const res = await leaderRequestFor(route).set('Authorization', token);
        const expected = route.roles && !route.roles.includes(outsider.role) ? 403 : 404;
        const where = `${route.method} ${route.path}`;
        expect({ where, status: res.status }).toEqual({ where, status: expected });
        expect(Object.keys(res.body)).toEqual(['error']);
        expect(JSON.stringify(res.body)).not.toContain('Matrix Leader');
      }
      expect((await sys.http.get('/leaders').set('Authorization', token)).body.items).toEqual([]);
      expect((await sys.http.get('/leader-activities').set('Authorization', token)).body.items).toEqual([]);
      for (const which of [1, 2]) {
        const appendix = await sys.http.get(`/appendices/${which}`).query({ year: 2001, format: 'json' }).set('Authorization', token);
        expect(appendix.body.rows).toEqual([]);
      }
      const activity = await sys.db.prisma.leaderActivity.findUniqueOrThrow({ where: { id: leader.activityId } });
      expect(activity.review).toBe('pending');
      expect(await sys.db.prisma.leaderActivity.count()).toBe(1);
      expect((await sys.db.prisma.leader.findUniqueOrThrow({ where: { id: leader.id } })).post).toBe('Director');
    });
  }
});
