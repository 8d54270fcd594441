import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKey } from '../../support/fixtures.ts';
import { seedId } from '../../../domain/directory/seed.ts';
import { refusalWords } from '../../../model/refusals.ts';
import { RECORD_LIFECYCLE } from '../../../model/party/record-lifecycle.ts';
import { REGISTRATION_LIFECYCLE } from '../../../model/party/registration-lifecycle.ts';
import { recordAs, registerAs } from '../../support/party-steps.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

// Registrations and service records driven by their transition tables over HTTP: what each role may
// do in each state (allowedActions on every view), and the tables' refusals as 403 and 409.
let sys: TestSystem;
const tokens: Record<string, string> = {};
const CIVIL = seedId('DEPT-CIVIL');

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename);
  for (const who of ['east', 'west', 'civil', 'district', 'admin']) tokens[who] = await sys.login(`${who}@ledger.test`);
});
afterAll(() => sys?.stop());

const as = (who: string) => ({
  get: (path: string) => sys.http.get(path).set('Authorization', tokens[who]!),
  // Every step with a key of its own: routes that take one need it, the others ignore it.
  post: (path: string, body: Record<string, unknown> = {}) =>
    sys.http.post(path).set('Authorization', tokens[who]!).set('Idempotency-Key', newKey()).send(body),
});
type MemberView = { allowedActions: string[]; registrations: Array<{ id: string; status: string; allowedActions: string[] }> };

/** What each reader sees it may do to a member: on the member (its open registration) and on each registration. */
async function actionsOn(memberId: string, readers: string[]) {
  const seen: Record<string, { member: string[]; registrations: string[][] }> = {};
  for (const who of readers) {
    const res = await as(who).get(`/party/members/${memberId}`);
    expect(res.status, `${who}: ${JSON.stringify(res.body)}`).toBe(200);
    const view = res.body as MemberView;
    seen[who] = { member: view.allowedActions, registrations: view.registrations.map((r) => r.allowedActions) };
  }
  return seen;
}

describe('a member’s registration over HTTP', () => {
  it('offers accept while pending and move while active, to the community’s street/park only', async () => {
    // The home unit registers its member with East's community: pending until East accepts.
    const member = await registerAs(sys, tokens.civil!, {
      memberNumber: 'ML-001',
      name: 'Lifecycle Li',
      homeUnitId: CIVIL,
      communityId: seedId('COMM-EAST-ELM'),
      registeredOn: '2020-01-10',
    });
    const registration = member.registrations[0]!;
    expect(registration.status).toBe('pending');
    expect(await actionsOn(member.id, ['east', 'civil', 'district', 'admin'])).toEqual({
      east: { member: ['accept'], registrations: [['accept']] },
      civil: { member: [], registrations: [[]] },
      district: { member: [], registrations: [[]] },
      admin: { member: [], registrations: [[]] },
    });

    const earlyMove = await as('east').post(`/party/members/${member.id}/move`, {
      communityId: seedId('COMM-EAST-RIVER'),
      movedOn: '2021-01-01',
    });
    expect(earlyMove.status).toBe(409);
    expect(earlyMove.body.error).toMatchObject({
      code: 'invalid_transition',
      message: refusalWords(REGISTRATION_LIFECYCLE.refuse('move', 'pending', 'street_staff')!)?.en,
    });
    expect((await as('district').post(`/party/registrations/${registration.id}/accept`)).status).toBe(403);
    // The home unit (a department) keeps no communities; another street does not see the registration.
    expect((await as('civil').post(`/party/registrations/${registration.id}/accept`)).status).toBe(403);
    expect((await as('west').post(`/party/registrations/${registration.id}/accept`)).status).toBe(404);

    const accepted = await as('east').post(`/party/registrations/${registration.id}/accept`);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ allowedActions: ['move'], registrations: [{ status: 'active', allowedActions: ['move'] }] });
    const again = await as('east').post(`/party/registrations/${registration.id}/accept`);
    expect(again.status).toBe(409);
    expect(again.body.error.message).toBe(refusalWords(REGISTRATION_LIFECYCLE.refuse('accept', 'active', 'street_staff')!)?.en);

    // Moved to West: East's registration ends, West's opens pending, for West to accept.
    const moved = await as('east').post(`/party/members/${member.id}/move`, {
      communityId: seedId('COMM-WEST-PINE'),
      movedOn: '2021-01-01',
    });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    expect((moved.body as MemberView).registrations.map((r) => [r.status, r.allowedActions])).toEqual([
      ['ended', []],
      ['pending', []],
    ]);
    expect(await actionsOn(member.id, ['east', 'west', 'civil'])).toEqual({
      east: { member: [], registrations: [[], []] },
      west: { member: ['accept'], registrations: [[], ['accept']] },
      civil: { member: [], registrations: [[], []] },
    });
    const listed = await as('west').get('/party/members');
    expect(listed.body.items.find((m: { id: string }) => m.id === member.id).allowedActions).toEqual(['accept']);
  });
});

describe('a service record over HTTP', () => {
  it('offers confirm while it awaits confirmation, to the record’s street/park only', async () => {
    const member = await registerAs(sys, tokens.east!, {
      memberNumber: 'ML-002',
      name: 'Lifecycle Wang',
      homeUnitId: CIVIL,
      communityId: seedId('COMM-EAST-RIVER'),
      registeredOn: '2020-01-10',
    });
    expect(member.registrations[0]!.status).toBe('active');
    const byCommunity = await as('east').post('/party/records', {
      memberId: member.id,
      kind: 'visit',
      servedOn: '2020-03-01',
      account: 'visited',
    });
    expect(byCommunity.body).toMatchObject({ confirmed: true, allowedActions: [] });

    const byHomeUnit = await recordAs(sys, tokens.civil!, {
      memberId: member.id,
      kind: 'volunteer_service',
      servedOn: '2020-04-01',
      account: 'helped',
    });
    expect(byHomeUnit).toMatchObject({ confirmed: false, allowedActions: [] });
    const actions = async (who: string) =>
      (
        (await as(who).get('/party/records').query({ member: member.id })).body.items as Array<{ id: string; allowedActions: string[] }>
      ).map((r) => [r.id, r.allowedActions]);
    // Newest service first.
    expect(await actions('east')).toEqual([
      [byHomeUnit.id, ['confirm']],
      [byCommunity.body.id, []],
    ]);
    expect(await actions('district')).toEqual([
      [byHomeUnit.id, []],
      [byCommunity.body.id, []],
    ]);
    expect(await actions('civil')).toEqual([[byHomeUnit.id, []]]);

    expect((await as('district').post(`/party/records/${byHomeUnit.id}/confirm`)).status).toBe(403);
    expect((await as('civil').post(`/party/records/${byHomeUnit.id}/confirm`)).status).toBe(403);
    expect((await as('west').post(`/party/records/${byHomeUnit.id}/confirm`)).status).toBe(404);
    const confirmed = await as('east').post(`/party/records/${byHomeUnit.id}/confirm`);
    expect(confirmed.body).toMatchObject({ confirmed: true, allowedActions: [] });
    const again = await as('east').post(`/party/records/${byHomeUnit.id}/confirm`);
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: 'invalid_transition',
      message: refusalWords(RECORD_LIFECYCLE.refuse('confirm', 'confirmed', 'street_staff')!)?.en,
    });
  });
});
