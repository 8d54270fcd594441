import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedId } from '../../../domain/directory/seed.ts';
import { halfYearWords } from '../../../model/cycle/glossary.ts';
import { NOTICE_DEADLINES, halfYearWindow } from '../../../lib/half-years.ts';
import { TASK_QUEUE, cycleSnapshotQuery, workflowIdForCycle } from '../../../workflows/definitions.ts';
import { fileAs, stepOk } from '../../support/case-steps.ts';
import { at, startPinnedTestSystem, type PinnedTime } from '../../support/pinned-time.ts';
import type { TestSystem } from '../../support/system.ts';

// One district's half-year on the time-skipping test server: weeks pass in milliseconds. The server is
// pinned to the day the H1 Schedule opens the cycles, Monday 2099-06-01 09:00 in the district, and
// every date below is worked out by hand from that day, whatever the machine's clock says.
let time: PinnedTime;
let sys: TestSystem;
const DAY = 86_400_000;
// Checks run a few minutes either side of each moment: the machine may be slow to take a step.
const MARGIN = 5 * 60_000;
const CYCLE = '2099-H1';
const DIST = seedId('DIST');
const OPENS = at('2099-06-01 09:00');
// "Before June 26": the cycle freezes at 00:00 on Friday 2099-06-26.
const DEADLINE = at('2099-06-26 00:00');
// Reminders at 09:00, 7, 3 and 1 working days before Friday the 26th (no holidays in the calendar):
// Thu 25 (1), Wed 24, Tue 23 (3), Mon 22, Fri 19, Thu 18, Wed 17 (7).
const SEVEN_LEFT = at('2099-06-17 09:00');
const THREE_LEFT = at('2099-06-23 09:00');
const ONE_LEFT = at('2099-06-25 09:00');

let stop: () => Promise<void>;
beforeAll(async () => {
  ({ time, sys, stop } = await startPinnedTestSystem(import.meta.filename, OPENS));
});
afterEach(() => sys.assertReconciled());
afterAll(() => stop?.());

const mails = (fragment: string) => sys.smtp.mailbox.messages().filter((m) => m.subject.includes(fragment));
const justBefore = (moment: Date) => new Date(moment.getTime() - MARGIN);
const justAfter = (moment: Date) => new Date(moment.getTime() + MARGIN);

describe('the semi-annual ledger cycle', () => {
  it('reminds, takes submissions, freezes, summarises, forwards the batch after review, and chases late units', async () => {
    const [east, west, edz, district] = [
      await sys.login('east@ledger.test'),
      await sys.login('west@ledger.test'),
      await sys.login('edz@ledger.test'),
      await sys.login('district@ledger.test'),
    ];
    const e1 = await fileAs(sys, east, { title: 'Cycle: east one' });
    const e2 = await fileAs(sys, east, { title: 'Cycle: east two' });
    const w1 = await fileAs(sys, west, { title: 'Cycle: west one' });
    const urgent = await fileAs(sys, east, { urgent: true, title: 'Cycle: urgent never waits' });
    expect(urgent.status).toBe('district_review');

    expect(halfYearWindow(CYCLE, 480).to).toEqual(DEADLINE);
    const handle = await time.env.client.workflow.start('districtCycleWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: workflowIdForCycle(CYCLE, DIST),
      args: [
        {
          cycle: CYCLE,
          districtId: DIST,
          opensAt: OPENS.toISOString(),
          deadlineAt: DEADLINE.toISOString(),
          reminderWorkingDays: [7, 3, 1],
          reviewFirst: true,
          chaseDays: 3,
          utcOffsetMinutes: 480,
          deadlines: NOTICE_DEADLINES,
        },
      ],
    });
    await expect.poll(async () => (await sys.http.get(`/cycles/${CYCLE}`).set('Authorization', east)).status).toBe(200);

    const pending = await sys.http.get(`/cycles/${CYCLE}/pending`).set('Authorization', east);
    expect(pending.body.cases.map((c: { id: string }) => c.id)).toEqual([e1.id, e2.id]);
    const submitted = await sys.http.post(`/cycles/${CYCLE}/submission`).set('Authorization', east);
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ caseIds: [e1.id, e2.id], late: false });
    const again = await sys.http.post(`/cycles/${CYCLE}/submission`).set('Authorization', east).set('Accept-Language', 'zh-CN');
    // Refused by the cycle's validator, in the reader's language with the half-year in words.
    expect(again.body.error).toMatchObject({ code: 'invalid_transition', message: `本单位已报送${halfYearWords(CYCLE).zh}的台账` });
    expect(again.status).toBe(409);
    await expect.poll(async () => (await sys.http.get(`/cases/${e1.id}`).set('Authorization', east)).body.status).toBe('district_review');
    expect((await sys.http.get(`/cases/${e1.id}`).set('Authorization', east)).body.history.at(-1)).toMatchObject({
      type: 'submitted_with_ledger',
    });
    await sys.smtp.mailbox.waitFor((m) => m.subject.includes(`${CYCLE} submitted: 2 case(s)`));
    // The district handles one of East's cases itself before the deadline; it stays out of the batch.
    await stepOk(sys, district, e2.id, 'solve', { resolution: 'Done locally.' });

    // Seven working days before the deadline: every unit that has not submitted is reminded; East is not.
    await time.advanceTo(justBefore(SEVEN_LEFT));
    expect(mails('working day(s) left')).toEqual([]);
    await time.advanceTo(justAfter(SEVEN_LEFT));
    const seven = await sys.smtp.mailbox.waitFor((m) => m.subject.includes('7 working day(s) left'));
    expect(seven.to).toContain('west-street@ledger.test');
    expect(seven.to).not.toContain('east-street@ledger.test');
    expect(seven.to).toHaveLength(7);

    expect((await sys.http.post(`/cycles/${CYCLE}/submission`).set('Authorization', west)).body.caseIds).toEqual([w1.id]);
    await time.advanceTo(justBefore(THREE_LEFT));
    expect(mails('3 working day(s) left')).toEqual([]);
    await time.advanceTo(justAfter(THREE_LEFT));
    const three = await sys.smtp.mailbox.waitFor((m) => m.subject.includes('3 working day(s) left'));
    expect(three.to).toHaveLength(6);
    expect(three.to).not.toContain('west-street@ledger.test');

    await time.advanceTo(justBefore(ONE_LEFT));
    expect(mails('1 working day(s) left')).toEqual([]);

    // The deadline: frozen, summarised, held for the district's review.
    await time.advanceTo(justBefore(DEADLINE));
    expect((await time.env.client.workflow.getHandle(workflowIdForCycle(CYCLE, DIST)).query(cycleSnapshotQuery)).phase).toBe('open');
    await time.advanceTo(justAfter(DEADLINE));
    await expect
      .poll(async () => (await time.env.client.workflow.getHandle(workflowIdForCycle(CYCLE, DIST)).query(cycleSnapshotQuery)).phase)
      .toBe('awaiting_review');
    const frozen = (await sys.http.get(`/cycles/${CYCLE}`).set('Authorization', district)).body;
    expect(frozen.phase).toBe('awaiting_review');
    expect(frozen.lateUnitIds).toHaveLength(6);
    const one = mails('1 working day(s) left');
    expect(one).toHaveLength(1);
    expect(one[0]!.to).toHaveLength(6);
    expect(frozen.summary.notSubmitted).toContain('Economic Development Zone');
    expect(frozen.summary.batchForCity).toEqual([e1.number, w1.number]);
    // The half-year's four cases: the urgent one went to the district at once and still waits there.
    expect(frozen.summary.statistics.total).toMatchObject({ filed: 4, solvedAtDistrict: 1 });
    // East's second case was solved on June 1; with no answer from the reporter in 10 working days it closed by itself.
    expect(frozen.summary.statistics.breakdown.byStatus).toEqual({ closed: 1, district_review: 3 });
    expect(frozen.summary.submittedOnTime).toEqual([
      { unit: 'East Street Office', cases: 2 },
      { unit: 'West Street Office', cases: 1 },
    ]);
    expect((await sys.http.get(`/cycles/${CYCLE}`).set('Authorization', east)).body.summary).toBeNull();

    const approved = await sys.http
      .post(`/cycles/${CYCLE}/summary/approve`)
      .set('Authorization', district)
      .send({ note: 'Both need the water bureau.' });
    expect(approved.status).toBe(200);
    expect(approved.body.forwardedCaseIds).toEqual([e1.id, w1.id]);
    await expect
      .poll(async () => (await sys.http.get(`/cases/${w1.id}`).set('Authorization', west)).body.status)
      .toBe('municipal_coordination');
    const forwarded = (await sys.http.get(`/cases/${e1.id}`).set('Authorization', east)).body;
    expect(forwarded.details.districtSummary).toBe('Both need the water bureau.');
    await sys.smtp.mailbox.waitFor(
      (m) => m.subject.includes('2 case(s) forwarded for municipal coordination') && m.to.includes('city-org@ledger.test'),
    );
    expect((await sys.http.post(`/cycles/${CYCLE}/summary/approve`).set('Authorization', district).send({})).status).toBe(409);

    // Late units are chased daily; a late submission is recorded as late and stops the chase for that unit.
    await time.advanceBy(DAY);
    const chased = await sys.smtp.mailbox.waitFor((m) => m.subject.includes('OVERDUE (day 1)'));
    expect(chased.to).toContain('edz@ledger.test');
    const late = await sys.http.post(`/cycles/${CYCLE}/submission`).set('Authorization', edz);
    expect(late.body).toMatchObject({ caseIds: [], late: true });
    await time.advanceBy(DAY);
    const dayTwo = await sys.smtp.mailbox.waitFor((m) => m.subject.includes('OVERDUE (day 2)'));
    expect(dayTwo.to).not.toContain('edz@ledger.test');
    await time.advanceBy(2 * DAY);
    const result = await handle.result();
    expect(result.phase).toBe('closed');
    expect(mails('7 working day(s) left')).toHaveLength(1);
  });

  it('opening a half-year twice starts each district’s cycle once', async () => {
    const admin = await sys.login('admin@ledger.test');
    const DISTRICTS = [DIST, seedId('DIST-NORTH')].sort();
    const first = await sys.http.post('/cycles/2099-H2/open').set('Authorization', admin);
    expect(first.status).toBe(202);
    expect([...first.body.started].sort()).toEqual(DISTRICTS);
    expect(first.body.alreadyOpened).toEqual([]);
    expect((await time.env.client.workflow.getHandle(workflowIdForCycle('2099-H2', DIST)).describe()).status.name).toBe('RUNNING');
    // The second opener started nothing, and says so rather than repeating the first one's answer.
    const second = await sys.http.post('/cycles/2099-H2/open').set('Authorization', admin);
    expect(second.status).toBe(202);
    expect(second.body.started).toEqual([]);
    expect([...second.body.alreadyOpened].sort()).toEqual(DISTRICTS);
    expect((await sys.http.post('/cycles/2099-H2/open').set('Authorization', await sys.login('district@ledger.test'))).status).toBe(403);
  });

  it('backfills a long-past half-year without chasing anybody', async () => {
    const admin = await sys.login('admin@ledger.test');
    expect((await sys.http.post('/cycles/2020-H1/open').set('Authorization', admin)).status).toBe(202);
    const handle = time.env.client.workflow.getHandle(workflowIdForCycle('2020-H1', DIST));
    await expect.poll(async () => (await handle.describe().catch(() => undefined))?.status.name).toBeTruthy();
    const result = await handle.result();
    expect(result).toMatchObject({ phase: 'closed', submittedUnitIds: [] });
    expect(result.lateUnitIds).toHaveLength(8);
    expect(mails('2020-H1: OVERDUE')).toEqual([]);
  });

  it('reports what each opener started itself: two at once, and npm run cycle:open before and after the API', async () => {
    const admin = await sys.login('admin@ledger.test');
    const DISTRICTS = [DIST, seedId('DIST-NORTH')].sort();
    const command = async (cycle: string) =>
      (
        await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/cycle-open.ts', cycle], {
          cwd: path.join(import.meta.dirname, '..', '..', '..'),
          env: {
            ...process.env,
            DATABASE_URL: sys.db.url,
            TEMPORAL_ADDRESS: time.env.address,
            TEMPORAL_NAMESPACE: time.env.namespace ?? 'default',
          },
        })
      ).stdout;
    expect(await command('2096-H2')).toContain('2096-H2: 2 district cycle(s) started by this command, 0 opened before');
    const byApi = await sys.http.post('/cycles/2096-H2/open').set('Authorization', admin);
    expect(byApi.body).toMatchObject({ started: [], alreadyOpened: expect.arrayContaining(DISTRICTS) });
    expect(await command('2096-H2')).toContain('2096-H2: 0 district cycle(s) started by this command, 2 opened before');

    // Two openers at once: each district's cycle is started by exactly one of them, and each says which.
    const both = await Promise.all([1, 2].map(() => sys.http.post('/cycles/2097-H2/open').set('Authorization', admin)));
    expect(both.map((r) => r.status)).toEqual([202, 202]);
    expect(both.flatMap((r) => r.body.started as string[]).sort()).toEqual(DISTRICTS);
    for (const { body } of both) expect([...body.started, ...body.alreadyOpened].sort()).toEqual(DISTRICTS);
  });
});
