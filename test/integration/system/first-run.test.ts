import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WorkflowNotFoundError } from '@temporalio/client';
import { seedId } from '../../../domain/directory/seed.ts';
import { allSchedules, catchUpWorkflowId, ensureSchedules } from '../../../domain/system/schedules.ts';
import type { Clock } from '../../../lib/clock.ts';
import { workflowIdForCycle, workflowIdForFeedback } from '../../../workflows/definitions.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

// A fresh install on 7 December (the clock pinned, whatever the real date): the half-year's cycle,
// the year's member feedback and the leaders' quota trackers are started once, as their Schedules
// would have on their days, and a restart starts none of them again.
let sys: TestSystem;
const DIST = seedId('DIST');
/** 7 December 2031, 10:00 in the district (UTC+8): after the cycle and the feedback opened, before the deadline. */
const clock: Clock = { now: () => new Date('2031-12-07T02:00:00Z') };

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename, { clock });
});
afterEach(() => sys.assertReconciled());
afterAll(async () => {
  for (const schedule of allSchedules(sys.config)) await sys.client.schedule.getHandle(schedule.scheduleId).delete();
  await sys.stop();
});

const statusOf = async (workflowId: string) => {
  try {
    return (await sys.client.workflow.getHandle(workflowId).describe()).status.name;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return 'none';
    throw error;
  }
};

describe('the first start inside a period', () => {
  it('creates the Schedules and starts the periods they missed, once', async () => {
    const schedules = allSchedules(sys.config);
    const first = await ensureSchedules(sys.client, schedules, clock, sys.config.districtTime.zone);
    expect(first.created.sort()).toEqual(['leader-quota-trackers', 'ledger-cycle-h1', 'ledger-cycle-h2', 'member-feedback']);
    expect(first.caughtUp.sort()).toEqual(['leader-quota-trackers 2031', 'ledger-cycle-h2 2031-H2', 'member-feedback 2031']);
    for (const schedule of schedules) {
      const description = await sys.client.schedule.getHandle(schedule.scheduleId).describe();
      expect(description.action).toMatchObject({ workflowType: schedule.workflowType });
    }

    // The district's cycle of the half-year is open (its row written by the workflow, read by the API).
    await expect.poll(() => statusOf(workflowIdForCycle('2031-H2', DIST)), { timeout: 30_000 }).toBe('RUNNING');
    const officer = await sys.login('district@ledger.test');
    await expect
      .poll(async () => (await sys.http.get('/cycles/2031-H2').set('Authorization', officer)).status, { timeout: 30_000 })
      .toBe(200);
    // The year's member feedback is open; the quota trackers' opener ran for the year.
    await expect.poll(() => statusOf(workflowIdForFeedback(2031)), { timeout: 30_000 }).toBe('RUNNING');
    const [quota] = schedules.filter((s) => s.scheduleId === 'leader-quota-trackers');
    await expect.poll(() => statusOf(catchUpWorkflowId(quota!, '2031')), { timeout: 30_000 }).toBe('COMPLETED');
    // Nothing of the half-year that is over.
    expect(await statusOf(workflowIdForCycle('2031-H1', DIST))).toBe('none');

    // A restart: the Schedules are left as they are, and no period starts again.
    const again = await ensureSchedules(sys.client, schedules, clock, sys.config.districtTime.zone);
    expect(again).toEqual({ created: [], caughtUp: [] });
    const cycleRuns = await sys.client.workflow.count(`WorkflowId = '${workflowIdForCycle('2031-H2', DIST)}'`);
    expect(cycleRuns.count).toBe(1);
  });
});
