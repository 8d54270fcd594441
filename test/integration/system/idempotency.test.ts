import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Test } from 'supertest';
import { routes } from '../../../api/app.ts';
import { REPLAYED_HEADER } from '../../../api/idempotency.ts';
import { seedId } from '../../../domain/directory/seed.ts';
import { roundRowId } from '../../../model/party/rounds.ts';
import { fileAs } from '../../support/case-steps.ts';
import { newKey, PNG_BYTES } from '../../support/fixtures.ts';
import { addLeader } from '../../support/leader-steps.ts';
import { registerAs } from '../../support/party-steps.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

// Every creating POST takes an Idempotency-Key: the same key with the same request gets the first
// answer and makes no second row; with another request it is refused; duplicates sent at once make
// one row; a request that fails lets its key go.
let sys: TestSystem;
const tokens: Record<string, string> = {};
const EAST = seedId('ST-EAST');
const YEAR = 2102;
const ids = { project: '', claimable: '', leader: '', activity: '', member: '', mover: '', webhook: '', failed: ['', ''] };

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename);
  for (const who of ['east', 'civil', 'admin']) tokens[who] = await sys.login(`${who}@ledger.test`);
  ids.project = (await fileAs(sys, tokens.east!, { kind: 'unclaimed_project', title: 'Keys: a reading corner to fund' })).id;
  ids.claimable = (await fileAs(sys, tokens.east!, { kind: 'unclaimed_project', title: 'Keys: a playground to claim' })).id;
  ids.leader = (await addLeader(sys, tokens.civil!, { name: 'Key Leader', post: 'Director', rank: 'principal', reportsToUnitId: EAST })).id;
  const activity = await sys.http
    .post(`/leaders/${ids.leader}/activities`)
    .set('Authorization', tokens.civil!)
    .set('Idempotency-Key', newKey())
    .send({ kind: 'research_visit', occurredOn: '2020-03-01', placeUnitId: EAST, participants: 'x', account: 'x' });
  ids.activity = activity.body.id;
  const register = (memberNumber: string) =>
    registerAs(sys, tokens.east!, {
      memberNumber,
      name: `Member ${memberNumber}`,
      homeUnitId: EAST,
      communityId: seedId('COMM-EAST-ELM'),
      registeredOn: '2020-01-10',
    });
  ids.member = (await register('KEY-001')).id;
  ids.mover = (await register('KEY-002')).id;
  const opened = await sys.http.post(`/party/rounds/${YEAR}/open`).set('Authorization', tokens.east!);
  expect(opened.status, JSON.stringify(opened.body)).toBe(200);
  ids.webhook = (await failedDeliveries(2)).webhookId;
});

/**
 * A webhook whose receiver is off (a port nobody listens on: sent again, a delivery stays pending
 * through its retries) with `count` deliveries that failed, for an administrator to send again.
 */
async function failedDeliveries(count: number) {
  const { prisma } = sys.db;
  const now = new Date();
  const webhook = await prisma.webhook.create({
    data: {
      id: crypto.randomUUID(),
      orgUnitId: EAST,
      label: 'Keys: receiver off',
      url: 'http://127.0.0.1:9/hook',
      format: 'json',
      events: ['filed'],
      secret: 'whsec_test',
      createdByUserId: (await prisma.user.findFirstOrThrow({ where: { email: 'admin@ledger.test' } })).id,
      createdAt: now,
      updatedAt: now,
    },
  });
  for (let i = 0; i < count; i++) {
    const eventId = crypto.randomUUID();
    ids.failed[i] = (
      await prisma.webhookDelivery.create({
        data: {
          id: crypto.randomUUID(),
          webhookId: webhook.id,
          eventId,
          eventType: 'filed',
          subject: `case:${ids.project}`,
          position: i,
          event: { id: eventId, type: 'filed' },
          occurredAt: now,
          state: 'failed',
          attempts: 1,
          lastError: 'no connection',
          createdAt: now,
        },
      })
    ).id;
  }
  return { webhookId: webhook.id };
}
afterAll(() => sys?.stop());

type Creation = {
  who: string;
  /** Where it goes; `variant` 1 may name another record than 0. */
  path: (variant: 0 | 1) => string;
  /** Sends one request; `variant` 1 is another request than 0 (another body or file). */
  send: (request: Test, variant: 0 | 1) => Test;
  /** The rows the route creates, counted. */
  rows: () => Promise<number>;
  /** A secret the first answer shows once: the kept answer, given to a retry, leaves it out. */
  shownOnce?: string;
};
// Bodies are built when sent: the ids they name exist only once beforeAll has run.
const json = (bodies: () => [object, object]) => (request: Test, variant: 0 | 1) => request.send(bodies()[variant]);
const file = (request: Test, variant: 0 | 1) =>
  request
    .set('Content-Type', 'image/png')
    .set('X-File-Name', variant ? 'other.png' : 'minutes.png')
    .send(PNG_BYTES);
const grant = { amount: 500, purpose: 'Books', approvedBy: 'Elm Road committee', approvedOn: '2020-05-01' };

const CREATIONS: Record<string, Creation> = {
  createStockReply: {
    who: 'admin',
    path: () => '/stock-replies',
    send: json(() => [
      { name: '补充材料', step: 'return', textZh: '请补充第{number}号的照片', textEn: 'Please add photos to case {number}' },
      { name: '已解决', step: 'solve', textZh: '已由区里协调解决', textEn: 'Solved by the district' },
    ]),
    rows: () => sys.db.prisma.stockReply.count(),
  },
  createSavedView: {
    who: 'east',
    path: () => '/views',
    send: json(() => [
      { name: '本周急件', filters: { urgent: true } },
      { name: '本周逾期', filters: { overdue: true } },
    ]),
    rows: () => sys.db.prisma.savedView.count(),
  },
  issueOpen311ApiKey: {
    who: 'admin',
    path: () => '/open311/keys',
    send: json(() => [
      { unitId: EAST, label: 'Keys: hotline' },
      { unitId: EAST, label: 'Keys: another hotline' },
    ]),
    rows: () => sys.db.prisma.open311ApiKey.count(),
    shownOnce: 'key',
  },
  registerWebhook: {
    who: 'admin',
    path: () => '/webhooks',
    // Cycle deadlines only: the cases other tests file here send it nothing.
    send: json(() => [
      { unitId: EAST, label: 'Keys: hook', url: 'https://example.test/hook', format: 'json', events: ['cycle_deadline'] },
      { unitId: EAST, label: 'Keys: other hook', url: 'https://example.test/other', format: 'json', events: ['cycle_deadline'] },
    ]),
    rows: () => sys.db.prisma.webhook.count(),
    shownOnce: 'secret',
  },
  resendWebhookDelivery: {
    who: 'admin',
    // Another request is another delivery sent again.
    path: (variant) => `/webhooks/${ids.webhook}/deliveries/${ids.failed[variant]}/resend`,
    send: (request) => request.send(),
    rows: () => sys.db.prisma.webhookDelivery.count({ where: { webhookId: ids.webhook, state: 'pending' } }),
  },
  recordFunding: {
    who: 'east',
    path: () => `/cases/${ids.project}/funds`,
    send: json(() => [grant, { ...grant, amount: 700 }]),
    rows: () => sys.db.prisma.serviceFund.count({ where: { caseId: ids.project } }),
  },
  recordService: {
    who: 'east',
    path: () => '/party/records',
    send: json(() => [
      { memberId: ids.member, kind: 'visit', servedOn: '2020-05-01', account: 'Visited neighbours' },
      { memberId: ids.member, kind: 'visit', servedOn: '2020-05-02', account: 'Visited neighbours' },
    ]),
    rows: () => sys.db.prisma.serviceRecord.count(),
  },
  createCommunity: {
    who: 'east',
    path: () => '/party/communities',
    send: json(() => [{ name: 'Key Lane Community' }, { name: 'Key Lane Community 2' }]),
    rows: () => sys.db.prisma.community.count(),
  },
  createBranch: {
    who: 'east',
    path: () => '/party/branches',
    send: json(() => [{ name: 'Key Lane Branch' }, { name: 'Key Lane Branch 2' }]),
    rows: () => sys.db.prisma.partyBranch.count(),
  },
  registerMember: {
    who: 'east',
    path: () => '/party/members',
    send: json(() => [
      { memberNumber: 'KEY-100', name: 'Key Member', homeUnitId: EAST, communityId: seedId('COMM-EAST-ELM'), registeredOn: '2020-02-01' },
      { memberNumber: 'KEY-101', name: 'Key Member', homeUnitId: EAST, communityId: seedId('COMM-EAST-ELM'), registeredOn: '2020-02-01' },
    ]),
    rows: () => sys.db.prisma.partyMember.count(),
  },
  moveMember: {
    who: 'east',
    path: () => `/party/members/${ids.mover}/move`,
    send: json(() => [
      { communityId: seedId('COMM-EAST-RIVER'), movedOn: '2020-06-01' },
      { communityId: seedId('COMM-WEST-PINE'), movedOn: '2020-06-01' },
    ]),
    rows: () => sys.db.prisma.memberRegistration.count({ where: { memberId: ids.mover } }),
  },
  createLeader: {
    who: 'civil',
    path: () => '/leaders',
    send: json(() => [
      { name: 'Key Deputy', post: 'Deputy Director', rank: 'team_member', reportsToUnitId: EAST },
      { name: 'Key Deputy', post: 'Deputy', rank: 'team_member', reportsToUnitId: EAST },
    ]),
    rows: () => sys.db.prisma.leader.count(),
  },
  recordLeaderActivity: {
    who: 'civil',
    path: () => `/leaders/${ids.leader}/activities`,
    send: json(() => [
      { kind: 'party_lecture', occurredOn: '2020-04-01', placeUnitId: EAST, participants: 'x', account: 'A lecture' },
      { kind: 'party_lecture', occurredOn: '2020-04-02', placeUnitId: EAST, participants: 'x', account: 'A lecture' },
    ]),
    rows: () => sys.db.prisma.leaderActivity.count(),
  },
  attachToLeaderActivity: {
    who: 'civil',
    path: () => `/leader-activities/${ids.activity}/attachments`,
    send: file,
    rows: () => sys.db.prisma.leaderActivityAttachment.count(),
  },
  claimProject: {
    who: 'civil',
    path: () => `/cases/${ids.claimable}/claim`,
    send: json(() => [{ leaderId: ids.leader }, { leaderId: seedId('ST-WEST') }]),
    rows: () => sys.db.prisma.caseEvent.count({ where: { caseId: ids.claimable, type: 'project_claimed' } }),
  },
  nominate: {
    who: 'east',
    path: () => `/party/rounds/${YEAR}/${EAST}/nominations`,
    send: json(() => [
      { kind: 'member', subjectId: ids.member, source: 'residents', reason: 'Helps every week' },
      { kind: 'member', subjectId: ids.member, source: 'organization', reason: 'Helps every week' },
    ]),
    rows: () => sys.db.prisma.recommendationRoundEvent.count({ where: { roundId: roundRowId(YEAR, EAST) } }),
  },
  createOrgUnit: {
    who: 'admin',
    path: () => '/org-units',
    send: json(() => [
      { code: 'KEY-ST', name: 'Key Street Office', kind: 'street', parentId: seedId('DIST') },
      { code: 'KEY-ST2', name: 'Key Street Office', kind: 'street', parentId: seedId('DIST') },
    ]),
    rows: () => sys.db.prisma.orgUnit.count(),
  },
  createExportJob: {
    who: 'east',
    path: () => '/exports/jobs',
    send: json(() => [{ format: 'csv' }, { format: 'xlsx' }]),
    rows: () => sys.db.prisma.exportJob.count(),
  },
  attachToCase: {
    who: 'east',
    path: () => `/cases/${ids.project}/attachments`,
    send: file,
    rows: () => sys.db.prisma.attachment.count(),
  },
};

const post = (operation: string, key: string | undefined, variant: 0 | 1 = 0) => {
  const creation = CREATIONS[operation]!;
  const request = sys.http.post(creation.path(variant)).set('Authorization', tokens[creation.who]!);
  return creation.send(key ? request.set('Idempotency-Key', key) : request, variant);
};

describe('Idempotency-Key on every creating POST', () => {
  it('is taken by every route that declares it, and by every creating POST but filing (keyed by its case) and user accounts', () => {
    const keyed = routes.filter((r) => r.idempotency).map((r) => r.operationId);
    expect(keyed.sort()).toEqual(Object.keys(CREATIONS).sort());
    expect(routes.filter((r) => r.idempotency === 'required').map((r) => r.operationId)).toEqual(
      expect.arrayContaining(['recordFunding', 'recordService', 'recordLeaderActivity']),
    );
  });

  for (const operation of Object.keys(CREATIONS)) {
    it(`${operation}: the same key and request get the first answer and one row; another request with the key is refused`, async () => {
      const key = newKey();
      const before = await CREATIONS[operation]!.rows();
      const first = await post(operation, key);
      expect(first.status, JSON.stringify(first.body)).toBeLessThan(300);
      expect(first.headers[REPLAYED_HEADER.toLowerCase()]).toBe('false');
      const again = await post(operation, key);
      const shownOnce = CREATIONS[operation]!.shownOnce;
      const kept = shownOnce ? Object.fromEntries(Object.entries(first.body).filter(([field]) => field !== shownOnce)) : first.body;
      if (shownOnce) expect(first.body[shownOnce]).toEqual(expect.any(String));
      expect({ status: again.status, body: again.body }).toEqual({ status: first.status, body: kept });
      expect(again.headers[REPLAYED_HEADER.toLowerCase()]).toBe('true');
      if (first.headers.location) expect(again.headers.location).toBe(first.headers.location);
      expect(await CREATIONS[operation]!.rows()).toBe(before + 1);

      const other = await post(operation, key, 1);
      expect(other.status).toBe(409);
      expect(other.body.error.code).toBe('idempotency_key_reused');
      expect(await CREATIONS[operation]!.rows()).toBe(before + 1);
    });
  }

  it('records a grant once when the same request arrives twenty times at once (500, not 10,000)', async () => {
    const key = newKey();
    const answers = await Promise.all(Array.from({ length: 20 }, () => post('recordFunding', key)));
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([201]));
    for (const answer of answers) expect(answer.body).toEqual(answers[0]!.body);
    expect(answers.filter((a) => a.headers[REPLAYED_HEADER.toLowerCase()] === 'false')).toHaveLength(1);
    const funds = await sys.db.prisma.serviceFund.findMany({ where: { caseId: ids.project, purpose: grant.purpose, amountCents: 50_000 } });
    // One from the test above, one from these twenty.
    expect(funds).toHaveLength(2);
  });

  it('requires the key where a repeat would count twice: money, service records, leaders’ activities', async () => {
    for (const operation of ['recordFunding', 'recordService', 'recordLeaderActivity']) {
      const before = await CREATIONS[operation]!.rows();
      const res = await post(operation, undefined);
      expect(res.status, operation).toBe(400);
      expect(res.body.error.fields).toMatchObject([{ path: 'headers.idempotency-key', message: 'the Idempotency-Key header is required' }]);
      expect(await CREATIONS[operation]!.rows()).toBe(before);
    }
    // Optional elsewhere: without a key each request is its own.
    const before = await CREATIONS.createExportJob!.rows();
    expect((await post('createExportJob', undefined)).status).toBe(202);
    expect((await post('createExportJob', undefined)).status).toBe(202);
    expect(await CREATIONS.createExportJob!.rows()).toBe(before + 2);
  });

  it('lets the key go when the request fails, so it can be sent again corrected', async () => {
    const key = newKey();
    const future = await sys.http
      .post(`/cases/${ids.project}/funds`)
      .set('Authorization', tokens.east!)
      .set('Idempotency-Key', key)
      .send({ ...grant, amount: 80, approvedOn: '2999-01-01' });
    expect(future.status).toBe(400);
    const corrected = await sys.http
      .post(`/cases/${ids.project}/funds`)
      .set('Authorization', tokens.east!)
      .set('Idempotency-Key', key)
      .send({ ...grant, amount: 80 });
    expect(corrected.status, JSON.stringify(corrected.body)).toBe(201);
    expect(await sys.db.prisma.serviceFund.count({ where: { caseId: ids.project, amountCents: 8_000 } })).toBe(1);
  });

  it('keeps keys per user: another clerk’s key of the same name is another key', async () => {
    const key = newKey();
    const west = await sys.login('west@ledger.test');
    const east = await sys.http
      .post('/party/branches')
      .set('Authorization', tokens.east!)
      .set('Idempotency-Key', key)
      .send({ name: 'East Key Branch' });
    expect(east.status).toBe(201);
    const theirs = await sys.http
      .post('/party/branches')
      .set('Authorization', west)
      .set('Idempotency-Key', key)
      .send({ name: 'West Key Branch' });
    expect(theirs.status).toBe(201);
    expect(theirs.headers[REPLAYED_HEADER.toLowerCase()]).toBe('false');
  });
});
