import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedId } from '../../../domain/directory/seed.ts';
import { addLeader, moveOn, startSystemAt, stopSystemAt, type TimeSkippingSystem } from '../../support/leader-steps.ts';
import type { TestSystem } from '../../support/system.ts';

// Who owes Appendix 1 and 2 follows the leaders while the half-year's cycle runs (issue 19): a
// unit's first leader registered after the cycle opened makes it owe (reminded, chased, and its
// submission taken and counted); a unit whose last leader retired no longer owes. On the
// time-skipping server from 2099-12-01 10:00 district time (UTC+8); the 2099-H2 deadline is December 26.
let started: TimeSkippingSystem;
let sys: TestSystem;
const local = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);
const GARRISON = seedId('GARRISON');
const BODY = seedId('BODY-COMMITTEE');
const CIVIL = seedId('DEPT-CIVIL');
let garrison: string, office: string, civil: string, district: string, admin: string;

beforeAll(async () => {
  started = await startSystemAt(import.meta.filename, local('2099-12-01'));
  sys = started.sys;
  await logInAll();
});
afterEach(() => sys.assertReconciled());
afterAll(() => stopSystemAt(started));

/** Tokens expire after hours; days pass between steps, so everyone logs in again after each jump. */
async function logInAll() {
  [garrison, office, civil, district, admin] = await Promise.all([
    sys.login('garrison@ledger.test'),
    sys.login('committee-office@ledger.test'),
    sys.login('civil@ledger.test'),
    sys.login('district@ledger.test'),
    sys.login('admin@ledger.test'),
  ]);
}
const moveTo = (moment: Date) => moveOn(started, moment, logInAll);

const leader = (name: string, reportsTo: string) => ({ name, post: 'Secretary', rank: 'principal', reportsToUnitId: seedId(reportsTo) });
const submitAppendices = (token: string) => sys.http.post('/cycles/2099-H2/appendices').set('Authorization', token);
const owing = async (token: string) =>
  ((await sys.http.get('/cycles/2099-H2/appendices').set('Authorization', token)).body.owing as Array<{ unitId: string }>).sort((a, b) =>
    a.unitId.localeCompare(b.unitId),
  );
// Opening the half-year opens every district's cycle; East Street never submits its ledger here, so
// each of this district's reminders and chases goes to it (North district's go to its own street).
const cycleMail = (subject: string) =>
  sys.smtp.mailbox.waitFor((m) => m.subject.includes(`Linkage ledger 2099-H2: ${subject}`) && m.to.includes('east-street@ledger.test'));

describe('the units owing Appendix 1 and 2 follow the leaders while the cycle runs', () => {
  it('a first leader after the opening makes a unit owe, reminded, chased and counted; a retired last leader ends the debt', async () => {
    const wang = await addLeader(sys, garrison, leader('Wang Jun', 'PK-EDZ'));
    expect((await sys.http.post('/cycles/2099-H2/open').set('Authorization', admin)).status).toBe(202);
    await expect.poll(async () => (await sys.http.get('/cycles/2099-H2').set('Authorization', district)).status).toBe(200);
    expect(await owing(district)).toEqual([{ unitId: GARRISON, state: 'owing', allowedActions: [] }]);

    // The District Committee's first leader comes after the cycle opened; the garrison retires its only one.
    await addLeader(sys, office, leader('Chen Hua', 'ST-WEST'));
    const retired = await sys.http.patch(`/leaders/${wang.id}`).set('Authorization', garrison).send({ active: false });
    expect(retired.status).toBe(200);
    expect(await owing(district)).toEqual([{ unitId: BODY, state: 'owing', allowedActions: [] }]);
    expect(await owing(office)).toEqual([{ unitId: BODY, state: 'owing', allowedActions: ['submit'] }]);
    // The Civil Affairs Bureau's first leader comes after the opening too, and it submits at once:
    // taken (not refused as a unit the cycle did not expect) and counted as on time.
    await addLeader(sys, civil, leader('Li Na', 'ST-EAST'));
    const onTime = await submitAppendices(civil);
    expect({ status: onTime.status, body: onTime.body }).toMatchObject({
      status: 200,
      body: { late: false, leaders: 1, state: 'submitted', allowedActions: [] },
    });
    expect(await owing(district)).toEqual([{ unitId: BODY, state: 'owing', allowedActions: [] }]);
    // The garrison still owes its ledger; once that is in, it owes the cycle nothing.
    expect((await sys.http.post('/cycles/2099-H2/submission').set('Authorization', garrison)).status).toBe(200);
    const refused = await submitAppendices(garrison);
    expect({ status: refused.status, code: refused.body.error.code }).toEqual({ status: 409, code: 'conflict' });
    expect(refused.body.error.message).toContain('keeps no active leaders');

    await moveTo(local('2099-12-25', '23:00'));
    const reminder = await cycleMail('1 working day(s) left');
    expect(reminder.to).toContain('committee-office@ledger.test');
    expect(reminder.to).not.toContain('garrison@ledger.test');
    expect(reminder.text).toContain('Appendix 1 and 2');

    await moveTo(local('2099-12-26', '00:05'));
    await expect
      .poll(async () => (await sys.http.get('/cycles/2099-H2').set('Authorization', district)).body.summary?.leaders)
      .toMatchObject({
        submitted: [{ unit: { name: 'District Civil Affairs Bureau' }, late: false, leaders: 1 }],
        notSubmitted: ['District Committee Office'],
      });

    await moveTo(local('2099-12-27', '01:00'));
    const chased = await cycleMail('OVERDUE (day 1)');
    expect(chased.to).toContain('committee-office@ledger.test');
    expect(chased.to).not.toContain('garrison@ledger.test');
    expect(await owing(office)).toEqual([{ unitId: BODY, state: 'overdue', allowedActions: ['submit'] }]);
    const late = await submitAppendices(office);
    expect({ status: late.status, body: late.body }).toMatchObject({
      status: 200,
      body: { late: true, leaders: 1, state: 'submitted_late', allowedActions: [] },
    });
    const all = (await sys.http.get('/cycles/2099-H2/appendices').set('Authorization', district)).body;
    expect(all.owing).toEqual([]);
    expect(all.items.map((i: { unitId: string; state: string }) => [i.unitId, i.state])).toEqual([
      [CIVIL, 'submitted'],
      [BODY, 'submitted_late'],
    ]);

    await moveTo(local('2099-12-28', '01:00'));
    const dayTwo = await cycleMail('OVERDUE (day 2)');
    expect(dayTwo.to).not.toContain('committee-office@ledger.test');
  });
});
