import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedId } from '../../../domain/directory/seed.ts';
import { ROUND_LIFECYCLE } from '../../../model/party/round-lifecycle.ts';
import { refusalWords } from '../../../model/refusals.ts';
import { roundUpdates, workflowIdForRound } from '../../../workflows/definitions.ts';
import { registerAs } from '../../support/party-steps.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

// The recommendation round driven by its transition table over HTTP: what each role may do in each
// phase (allowedActions), and the table's refusals as 403 and 409.
let sys: TestSystem;
const tokens: Record<string, string> = {};
const YEAR = 2102;
const EAST = seedId('ST-EAST');
const round = `/party/rounds/${YEAR}/${EAST}`;
const memberIds: string[] = [];

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename);
  for (const who of ['east', 'west', 'district', 'north-district', 'admin']) tokens[who] = await sys.login(`${who}@ledger.test`);
  // Seven registered: round(15 % x 7) = 1 may be recommended.
  for (let i = 1; i <= 7; i++) {
    const member = await registerAs(sys, tokens.east!, {
      memberNumber: `RL-${i}`,
      name: `Lifecycle member ${i}`,
      homeUnitId: EAST,
      communityId: seedId('COMM-EAST-ELM'),
      registeredOn: '2020-01-10',
    });
    memberIds.push(member.id);
  }
});
afterEach(() => sys.assertReconciled());
afterAll(() => sys?.stop());

const post = (who: string, path: string, body: Record<string, unknown> = {}) =>
  sys.http.post(`${round}/${path}`).set('Authorization', tokens[who]!).send(body);
const view = (who: string) => sys.http.get(round).set('Authorization', tokens[who]!);
const key = (n: number) => `member:${memberIds[n - 1]}`;

/** What each reader of East's round may do in its phase: East's clerk, the district's officer, an admin; other units do not see it. */
async function expectAllowed(phase: string, east: string[], district: string[]) {
  const seen = Object.fromEntries(
    await Promise.all(
      ['east', 'district', 'admin'].map(async (who) => {
        const res = await view(who);
        return [who, { phase: res.body.phase, allowedActions: res.body.allowedActions }] as const;
      }),
    ),
  );
  expect(seen).toEqual({
    east: { phase, allowedActions: east },
    district: { phase, allowedActions: district },
    admin: { phase, allowedActions: [] },
  });
  for (const outsider of ['west', 'north-district']) expect((await view(outsider)).status).toBe(404);
  const listed = await sys.http.get(`/party/rounds/${YEAR}`).set('Authorization', tokens.east!);
  expect(listed.body.items).toMatchObject([{ unitId: EAST, phase, allowedActions: east }]);
}

describe('the round’s transition table over HTTP', () => {
  it('answers allowedActions for each role in each phase, from the table', async () => {
    const opened = await sys.http.post(`/party/rounds/${YEAR}/open`).set('Authorization', tokens.east!);
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect(opened.body).toMatchObject({ phase: 'nominating', quota: 1, allowedActions: ['nominate', 'shortlist'] });
    await expectAllowed('nominating', ['nominate', 'shortlist'], []);

    const nominated = await post('east', 'nominations', { kind: 'member', subjectId: memberIds[0], source: 'residents', reason: 'helps' });
    expect(nominated.body.allowedActions).toEqual(ROUND_LIFECYCLE.allowedActions('nominating', 'street_staff'));
    await post('east', 'nominations', { kind: 'member', subjectId: memberIds[1], source: 'organization', reason: 'leads' });
    expect((await post('east', 'shortlist', { subjectKeys: [key(1), key(2)] })).status).toBe(200);
    await expectAllowed('shortlisted', ['shortlist', 'decide'], []);
    expect((await post('east', 'decision', { selected: [key(1)] })).status).toBe(200);
    await expectAllowed('decided', ['decide', 'submit'], []);
    expect((await post('east', 'submission')).status).toBe(200);
    await expectAllowed('submitted', [], ['approve', 'return']);
    expect((await post('district', 'return', { reason: 'say why' })).status).toBe(200);
    await expectAllowed('returned', ['decide'], []);
    await post('east', 'decision', { selected: [key(1)], note: 'she ran the flood watch' });
    await post('east', 'submission');
    expect((await post('district', 'approve')).status).toBe(200);
    await expectAllowed('approved', [], []);

    // One event per change, in order, each with who took it and the phases it moved between.
    const events = await sys.db.prisma.recommendationRoundEvent.findMany({
      where: { roundId: `${YEAR}:${EAST}` },
      orderBy: { sequence: 'asc' },
    });
    expect(events.map((e) => [e.sequence, e.type, e.actorRole, e.fromPhase, e.toPhase])).toEqual([
      [1, 'opened', 'street_staff', null, 'nominating'],
      [2, 'nominated', 'street_staff', 'nominating', 'nominating'],
      [3, 'nominated', 'street_staff', 'nominating', 'nominating'],
      [4, 'shortlisted', 'street_staff', 'nominating', 'shortlisted'],
      [5, 'decided', 'street_staff', 'shortlisted', 'decided'],
      [6, 'submitted', 'street_staff', 'decided', 'submitted'],
      [7, 'returned', 'district_officer', 'submitted', 'returned'],
      [8, 'decided', 'street_staff', 'returned', 'decided'],
      [9, 'submitted', 'street_staff', 'decided', 'submitted'],
      [10, 'approved', 'district_officer', 'submitted', 'approved'],
    ]);
    expect(events[6]!.comment).toBe('say why');
    expect(events[7]!.data).toEqual({ selected: [key(1)] });
    const stored = await sys.db.prisma.recommendationRound.findUniqueOrThrow({
      where: { id: `${YEAR}:${EAST}` },
      include: { nominations: true },
    });
    expect(stored).toMatchObject({ phase: 'approved', version: 10, decisionNote: 'she ran the flood watch', returnReason: 'say why' });
    expect(stored.nominations.map((n) => [n.subjectKey, n.shortlisted, n.selected]).sort()).toEqual(
      [
        [key(1), true, true],
        [key(2), true, false],
      ].sort(),
    );
  });

  it('refuses a step as the table does: the wrong role 403, the wrong phase 409 with the table’s reason', async () => {
    // A round of another year, still nominating.
    const other = `/party/rounds/${YEAR + 1}/${EAST}`;
    expect((await sys.http.post(`/party/rounds/${YEAR + 1}/open`).set('Authorization', tokens.east!)).status).toBe(200);
    const step = (who: string, path: string, body: Record<string, unknown> = {}) =>
      sys.http.post(`${other}/${path}`).set('Authorization', tokens[who]!).send(body);

    const byClerk = await step('east', 'approve');
    expect(byClerk.status).toBe(403);
    expect((await step('admin', 'submission')).status).toBe(403);
    expect(
      (await step('district', 'nominations', { kind: 'member', subjectId: memberIds[0], source: 'residents', reason: 'x' })).status,
    ).toBe(403);

    const early = await step('district', 'approve');
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({
      code: 'invalid_transition',
      message: refusalWords(ROUND_LIFECYCLE.refuse('approve', 'nominating', 'district_officer')!)?.en,
    });
    const unsubmittable = await step('east', 'submission');
    expect(unsubmittable.status).toBe(409);
    const submitRefusal = refusalWords(ROUND_LIFECYCLE.refuse('submit', 'nominating', 'street_staff')!);
    expect(unsubmittable.body.error.message).toBe(submitRefusal?.en);
    // The workflow's validator refuses it; the reader of Chinese reads the glossary's words, not a generic sentence.
    const inChinese = await step('east', 'submission').set('Accept-Language', 'zh-CN');
    expect(inChinese.body.error).toMatchObject({ code: 'invalid_transition', message: submitRefusal?.zh });
    // Another district's officer does not see the round at all.
    expect((await step('north-district', 'approve')).status).toBe(404);
  });

  it('records one event per Update: the same Update sent again (one Update id) is one event', async () => {
    const year = YEAR + 2;
    expect((await sys.http.post(`/party/rounds/${year}/open`).set('Authorization', tokens.east!)).status).toBe(200);
    const path = `/party/rounds/${year}/${EAST}`;
    await sys.http
      .post(`${path}/nominations`)
      .set('Authorization', tokens.east!)
      .send({ kind: 'member', subjectId: memberIds[2], source: 'residents', reason: 'once' });
    await sys.http
      .post(`${path}/shortlist`)
      .set('Authorization', tokens.east!)
      .send({ subjectKeys: [key(3)] });
    const clerk = await sys.db.prisma.user.findUniqueOrThrow({ where: { email: 'east@ledger.test' } });
    const request = { actor: { userId: clerk.id, role: clerk.role, orgUnitId: clerk.orgUnitId }, command: { selected: [key(3)] } };
    const handle = sys.client.workflow.getHandle(workflowIdForRound(year, EAST));
    const first = await handle.executeUpdate(roundUpdates.decide, { args: [request], updateId: 'decide-once' });
    const again = await handle.executeUpdate(roundUpdates.decide, { args: [request], updateId: 'decide-once' });
    expect(again).toEqual(first);
    const events = await sys.db.prisma.recommendationRoundEvent.findMany({
      where: { roundId: `${year}:${EAST}` },
      orderBy: { sequence: 'asc' },
    });
    expect(events.map((e) => e.type)).toEqual(['opened', 'nominated', 'shortlisted', 'decided']);
    expect(first).toMatchObject({ phase: 'decided', version: 4 });
  });

  it('answers a step while the mail server is slow; the notice follows once it takes mail again', async () => {
    const year = YEAR + 3;
    const path = `/party/rounds/${year}/${EAST}`;
    const step = (who: string, name: string, body: Record<string, unknown> = {}) =>
      sys.http.post(`${path}/${name}`).set('Authorization', tokens[who]!).send(body);
    expect((await sys.http.post(`/party/rounds/${year}/open`).set('Authorization', tokens.east!)).status).toBe(200);
    await step('east', 'nominations', { kind: 'member', subjectId: memberIds[3], source: 'organization', reason: 'slow mail' });
    await step('east', 'shortlist', { subjectKeys: [key(4)] });
    await step('east', 'decision', { selected: [key(4)] });
    const submittedMail = (m: { subject: string }) => m.subject.includes(`${year}: East Street Office submitted its list`);
    const release = sys.smtp.hold();
    try {
      const started = Date.now();
      const submitted = await step('east', 'submission');
      expect(submitted.status).toBe(200);
      expect(submitted.body).toMatchObject({ phase: 'submitted', allowedActions: [] });
      expect(Date.now() - started).toBeLessThan(5_000);
      const returned = await step('district', 'return', { reason: 'while the mail is slow' });
      expect(returned.body.phase).toBe('returned');
      expect(sys.smtp.mailbox.messages().filter(submittedMail)).toEqual([]);
    } finally {
      release();
    }
    await sys.smtp.mailbox.waitFor(submittedMail);
    await sys.smtp.mailbox.waitFor((m) => m.subject.includes(`${year}: the district returned your list`));
  });
});
