import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedId } from '../../../domain/directory/seed.ts';
import { fileAs, stepOk } from '../../support/case-steps.ts';
import { DEMO_PASSWORD } from '../../support/database.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

let sys: TestSystem;
let east: string, west: string, district: string;
let colleague: { id: string; token: string };

type Bell = {
  unread: number;
  items: Array<{ key: string; kind: string; at: string; by: { name: string } | null; case: { id: string; number: number }; read: boolean }>;
};
const bellOf = async (token: string, http = sys.http): Promise<Bell> => {
  const res = await http.get('/bell').set('Authorization', token);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Bell;
};
const about = (bell: Bell, caseId: string) => bell.items.filter((i) => i.case.id === caseId);

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename);
  east = await sys.login('east@ledger.test');
  west = await sys.login('west@ledger.test');
  district = await sys.login('district@ledger.test');
  const admin = await sys.login('admin@ledger.test');
  colleague = await sys.addUser(admin, {
    email: 'bell-east@ledger.test',
    displayName: 'Bell East clerk',
    role: 'street_staff',
    orgUnitId: seedId('ST-EAST'),
  });
});
afterEach(() => sys.assertReconciled());
afterAll(() => sys?.stop());

describe('the bell', () => {
  it('shows a case a colleague assigned to me until it is no longer mine, and keeps it read once marked', async () => {
    const filed = await fileAs(sys, east, { title: 'Bell: assigned', urgent: false });
    expect(about(await bellOf(colleague.token), filed.id)).toEqual([]);
    await stepOk(sys, east, filed.id, 'assignOwner', { assigneeId: colleague.id });
    const bell = await bellOf(colleague.token);
    const [item] = about(bell, filed.id);
    expect(item).toMatchObject({ kind: 'assigned', by: { name: 'East Street clerk' }, read: false, case: { number: filed.number } });
    // The one who assigned it, and another unit, are told nothing.
    expect(about(await bellOf(east), filed.id)).toEqual([]);
    expect(about(await bellOf(west), filed.id)).toEqual([]);

    const marked = await sys.http
      .post('/bell/read')
      .set('Authorization', colleague.token)
      .send({ keys: [item!.key] });
    expect(marked.status).toBe(200);
    expect(marked.body.unread).toBe(bell.unread - 1);
    expect(about(marked.body as Bell, filed.id)[0]!.read).toBe(true);
    // Marking someone else's item (a key not shown to the caller) changes nothing for anyone.
    const foreign = await sys.http
      .post('/bell/read')
      .set('Authorization', west)
      .send({ keys: [item!.key] });
    expect(foreign.status).toBe(200);
    expect((await sys.http.post('/bell/read').set('Authorization', west).send({ keys: [] })).status).toBe(400);
    expect((await sys.http.get('/bell')).status).toBe(401);

    // Taken back by East, the case is no longer the colleague's: the item goes with its cause.
    await stepOk(sys, colleague.token, filed.id, 'release');
    expect(about(await bellOf(colleague.token), filed.id)).toEqual([]);
  });

  it('shows the unit’s case the district returned with questions until it is answered', async () => {
    const filed = await fileAs(sys, east, { title: 'Bell: returned', urgent: false });
    await stepOk(sys, east, filed.id, 'submit');
    await stepOk(sys, district, filed.id, 'return', { questions: 'Which road?' });
    for (const token of [east, colleague.token])
      expect(about(await bellOf(token), filed.id)).toEqual([
        expect.objectContaining({ kind: 'returned', by: { id: expect.any(String), name: 'District triage officer' }, read: false }),
      ]);
    expect(about(await bellOf(west), filed.id)).toEqual([]);
    // Marking all read marks this one for East alone.
    const all = await sys.http.post('/bell/read').set('Authorization', east).send({});
    expect(all.status).toBe(200);
    expect(all.body.unread).toBe(0);
    expect(about(await bellOf(colleague.token), filed.id)[0]!.read).toBe(false);

    await stepOk(sys, east, filed.id, 'resubmit', { comment: 'The ring road' });
    expect(about(await bellOf(east), filed.id)).toEqual([]);
    expect(about(await bellOf(colleague.token), filed.id)).toEqual([]);
  });

  it('warns the owner a day before the level’s deadline and once it has passed', async () => {
    // An urgent case goes to the district at once, with the district's deadline; its officer takes it.
    const filed = await fileAs(sys, east, { title: 'Bell: due', urgent: true });
    const taken = (await stepOk(sys, district, filed.id, 'take')) as { dueAt: string };
    expect(taken.dueAt).toEqual(expect.any(String));
    const dueAt = new Date(taken.dueAt);
    // The API asked at another moment: a session signed in at that moment, as its tokens expire by the same clock.
    const bellAt = async (moment: Date, email = 'district@ledger.test') => {
      const http = sys.httpWith({ clock: { now: () => moment } });
      const session = await http.post('/auth/login').send({ email, password: DEMO_PASSWORD });
      expect(session.status).toBe(200);
      return bellOf(`Bearer ${session.body.token}`, http);
    };

    expect(about(await bellAt(new Date(dueAt.getTime() - 25 * 3_600_000)), filed.id)).toEqual([]);
    const soon = about(await bellAt(new Date(dueAt.getTime() - 3_600_000)), filed.id);
    expect(soon).toEqual([expect.objectContaining({ kind: 'due_soon', at: taken.dueAt, by: null })]);
    const late = about(await bellAt(new Date(dueAt.getTime() + 3_600_000)), filed.id);
    expect(late).toEqual([expect.objectContaining({ kind: 'overdue', at: taken.dueAt })]);
    // "Due soon" read is not "overdue" read: a new stage is a new item.
    expect(late[0]!.key).not.toBe(soon[0]!.key);
    // Someone who does not own it (the filing unit's clerk) is not warned.
    expect(about(await bellAt(new Date(dueAt.getTime() + 3_600_000), 'east@ledger.test'), filed.id)).toEqual([]);
  });
});
