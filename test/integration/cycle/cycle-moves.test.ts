import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedId } from '../../../domain/directory/seed.ts';
import { NOTICE_DEADLINES } from '../../../lib/half-years.ts';
import { TASK_QUEUE, cycleSnapshotQuery, workflowIdForCycle } from '../../../workflows/definitions.ts';
import { fileAs, stepOk } from '../../support/case-steps.ts';
import { startPinnedTestSystem, type PinnedTime } from '../../support/pinned-time.ts';
import type { TestSystem } from '../../support/system.ts';

// The half-year cycle moves cases by Update: a case that moved on since the cycle read the ledger
// refuses the move, and the cycle records (and mails) only what the cases took.
let time: PinnedTime;
let sys: TestSystem;
let stop: (() => Promise<void>) | undefined;
const DAY = 86_400_000;
const CYCLE = '2099-H1';
const DIST = seedId('DIST');
/** A pinned start, whatever the real date: Monday 2 March 2099, 09:00 in the district (UTC+8). */
const ANCHOR = Date.parse('2099-03-02T01:00:00Z');

beforeAll(async () => {
  ({ time, sys, stop } = await startPinnedTestSystem(import.meta.filename, new Date(ANCHOR)));
});
afterEach(() => sys.assertReconciled());
afterAll(() => stop?.());

describe('the cycle moves cases by Update', () => {
  it('forwards only the batch cases still with the district, and says so', async () => {
    const [east, west, district] = [
      await sys.login('east@ledger.test'),
      await sys.login('west@ledger.test'),
      await sys.login('district@ledger.test'),
    ];
    const e1 = await fileAs(sys, east, { title: 'Moves: east one' });
    const w1 = await fileAs(sys, west, { title: 'Moves: west one' });
    const deadline = ANCHOR + 10 * DAY;
    const handle = await time.env.client.workflow.start('districtCycleWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: workflowIdForCycle(CYCLE, DIST),
      args: [
        {
          cycle: CYCLE,
          districtId: DIST,
          opensAt: new Date(ANCHOR).toISOString(),
          deadlineAt: new Date(deadline).toISOString(),
          reminderWorkingDays: [],
          reviewFirst: true,
          chaseDays: 0,
          utcOffsetMinutes: 480,
          deadlines: NOTICE_DEADLINES,
        },
      ],
    });
    await expect.poll(async () => (await sys.http.get(`/cycles/${CYCLE}`).set('Authorization', district)).status).toBe(200);
    expect((await sys.http.post(`/cycles/${CYCLE}/submission`).set('Authorization', east)).body.caseIds).toEqual([e1.id]);
    expect((await sys.http.post(`/cycles/${CYCLE}/submission`).set('Authorization', west)).body.caseIds).toEqual([w1.id]);
    const carried = (await sys.http.get(`/cases/${w1.id}`).set('Authorization', west)).body;
    expect(carried).toMatchObject({ status: 'district_review', details: { cycle: CYCLE } });
    expect(carried.history.at(-1)).toMatchObject({ type: 'submitted_with_ledger' });

    // The deadline freezes the batch with both cases in it.
    await time.advanceTo(new Date(deadline + 60_000));
    await expect.poll(async () => (await handle.query(cycleSnapshotQuery)).phase).toBe('awaiting_review');
    const frozen = (await sys.http.get(`/cycles/${CYCLE}`).set('Authorization', district)).body;
    expect(frozen.summary.batchForCity).toEqual([e1.number, w1.number]);

    // Between the cycle's read and its forward, the district solves West's case itself.
    await stepOk(sys, district, w1.id, 'solve', { resolution: 'Fixed by the district.' });
    const approved = await sys.http.post(`/cycles/${CYCLE}/summary/approve`).set('Authorization', district).send({ note: 'To the city.' });
    expect(approved.status).toBe(200);
    expect(approved.body.forwardedCaseIds).toEqual([e1.id]);
    expect((await sys.http.get(`/cases/${e1.id}`).set('Authorization', east)).body.status).toBe('municipal_coordination');
    const solved = (await sys.http.get(`/cases/${w1.id}`).set('Authorization', west)).body;
    expect(solved.status).toBe('awaiting_feedback');
    expect(solved.history.map((h: { type: string }) => h.type)).not.toContain('forwarded_to_municipal');
    const row = await sys.db.prisma.reportingCycle.findUniqueOrThrow({ where: { id: `${CYCLE}:${DIST}` } });
    expect(row.forwardedIds).toEqual([e1.id]);
    const batchMail = await sys.smtp.mailbox.waitFor(
      (m) => m.subject.includes(`${CYCLE}: `) && m.subject.includes('forwarded for municipal'),
    );
    expect(batchMail.subject).toContain('1 case(s) forwarded');
    expect((await handle.result()).forwardedCaseIds).toEqual([e1.id]);
  });
});
