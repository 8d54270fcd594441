import { WorkflowNotFoundError } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuildFromLedger } from '../../../domain/system/rebuild.ts';
import type { Clock } from '../../../lib/clock.ts';
import {
  TASK_QUEUE,
  type Workflows,
  caseSnapshotQuery,
  cycleSnapshotQuery,
  workflowIdForCase,
  workflowIdForCycle,
} from '../../../workflows/definitions.ts';
import { fileAs, stepOk } from '../../support/case-steps.ts';
import { startOnOwnDevServer, type OwnDevServer } from '../../support/own-dev-server.ts';
import type { TestSystem } from '../../support/system.ts';

// This file runs its own Temporal dev server (own port, own SQLite file) and loses its whole store
// mid-life: stopped, its files deleted, started again empty. The shared dev server is never touched.
// The district's deadline is 0 working days (a submitted case is overdue at once); the city's keeps
// its default, so a forwarded case is not.
const CYCLE = '2099-H2';
/**
 * The Schedules' catch-up reads the date from this clock, pinned whatever the real date: 7 December
 * 2099, 10:00 in the district, inside the half-year the test opens (its district cycles are running).
 */
const scheduleClock: Clock = { now: () => new Date('2099-12-07T02:00:00Z') };

let own: OwnDevServer;
let sys: TestSystem;

beforeAll(async () => {
  own = await startOnOwnDevServer(import.meta.filename, { deadlines: { districtDays: 0, urgentDistrictDays: 0 } });
  sys = own.sys;
});
afterAll(() => own?.stop());

const rebuild = () => rebuildFromLedger({ prisma: sys.db.prisma, temporal: sys.client, config: sys.config, clock: scheduleClock });
const eventsOf = async (caseId: string) =>
  sys.db.prisma.caseEvent.findMany({
    where: { caseId },
    orderBy: { sequence: 'asc' },
    select: { sequence: true, type: true, occurredAt: true },
  });
const typesOf = async (caseId: string) => (await eventsOf(caseId)).map((e) => e.type);
const snapshotOf = (caseId: string) => sys.client.workflow.getHandle(workflowIdForCase(caseId)).query(caseSnapshotQuery);

describe("Temporal's store lost mid-life, rebuilt from the ledger", () => {
  it('starts every open case where the ledger left it, never a closed one, and nothing the second time', { timeout: 420_000 }, async () => {
    const east = await sys.login('east@ledger.test');
    const west = await sys.login('west@ledger.test');
    const district = await sys.login('district@ledger.test');
    const city = await sys.login('city@ledger.test');

    // A cycle open, with one unit's ledger already in (West Street holds no case of its own).
    // Opened as the Schedule opens it (the API's request deadline is for people, not for this busy machine).
    await sys.client.workflow.execute<Workflows['openCyclesWorkflow']>('openCyclesWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: `open-cycles-${CYCLE}`,
      args: [{ cycle: CYCLE, settings: sys.config.cycles.settings }],
    });
    // The district cycle takes submissions once it has opened its ledger row (its handlers come after).
    await expect
      .poll(async () => (await sys.http.get(`/cycles/${CYCLE}`).set('Authorization', west)).status, { timeout: 30_000 })
      .toBe(200);
    expect((await sys.http.post(`/cycles/${CYCLE}/submission`).set('Authorization', west)).status).toBe(200);

    // Cases at every status: in the unit's ledger, with the district (overdue, owned), back with the
    // street (clock paused), with the city, awaiting the reporter; and two closed.
    const inLedger = await fileAs(sys, east, { title: 'Rebuild: pending in the ledger' });
    // With a point beside its place: the projection writes the filing's point at every event.
    const point = { latitude: 31.2304, longitude: 121.4737 };
    const atDistrict = await fileAs(sys, east, { title: 'Rebuild: at the district', coordinates: point });
    await stepOk(sys, east, atDistrict.id, 'submit');
    await stepOk(sys, district, atDistrict.id, 'take');
    const returned = await fileAs(sys, east, { title: 'Rebuild: returned for information' });
    await stepOk(sys, east, returned.id, 'submit');
    await stepOk(sys, district, returned.id, 'return', { questions: 'Which lamp posts exactly?' });
    const atCity = await fileAs(sys, east, { urgent: true, title: 'Rebuild: with the city' });
    await stepOk(sys, district, atCity.id, 'forward', { summary: 'Needs the utility company.' });
    const awaitingFeedback = await fileAs(sys, east, { urgent: true, title: 'Rebuild: awaiting feedback' });
    await stepOk(sys, district, awaitingFeedback.id, 'solve', { resolution: 'Lamps replaced.' });
    const rejected = await fileAs(sys, east, { urgent: true, title: 'Rebuild: rejected' });
    await stepOk(sys, district, rejected.id, 'reject', { reason: 'Not a hard problem.' });
    const closed = await fileAs(sys, east, { urgent: true, title: 'Rebuild: closed' });
    await stepOk(sys, district, closed.id, 'solve', { resolution: 'Done.' });
    await stepOk(sys, east, closed.id, 'feedback', { satisfied: true });
    await expect.poll(async () => (await typesOf(atDistrict.id)).includes('deadline_overdue'), { timeout: 30_000 }).toBe(true);
    await sys.assertReconciled();

    await own.loseStore();
    await expect(sys.client.workflow.getHandle(workflowIdForCase(atCity.id)).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);

    // Days cannot pass here: the ledger is told the city's time runs out in 40 seconds, as if it had
    // taken the case days ago, and the rebuilt workflow must keep that deadline.
    const cityDueAt = new Date(Date.now() + 40_000);
    await sys.db.prisma.case.update({ where: { id: atCity.id }, data: { dueAt: cityDueAt } });
    const open = [inLedger, atDistrict, returned, atCity, awaitingFeedback].map((c) => c.id);
    const report = await rebuild();
    expect([...report.casesStarted].sort()).toEqual([...open].sort());
    expect(report.casesFound).toBe(0);
    // The Schedules come back, and the pinned day's periods are started (the half-year's opener finds its cycles running).
    expect(report.schedules.caughtUp.sort()).toEqual(['leader-quota-trackers 2099', 'ledger-cycle-h2 2099-H2', 'member-feedback 2099']);
    // One cycle per district: this one's, with West Street's ledger in, and the north district's.
    expect(report.cyclesStarted).toHaveLength(2);
    for (const id of [rejected.id, closed.id])
      await expect(sys.client.workflow.getHandle(workflowIdForCase(id)).describe()).rejects.toBeInstanceOf(WorkflowNotFoundError);
    await sys.assertReconciled();

    // Each case is where the ledger left it: status, deadline, overdue flag, owner.
    const resumed = await snapshotOf(atDistrict.id);
    expect(resumed).toMatchObject({ status: 'district_review', overdue: true, owner: { userId: expect.any(String) } });
    expect((await snapshotOf(returned.id)).dueAt).toBeNull();
    expect((await snapshotOf(atCity.id)).dueAt).toBe(cityDueAt.toISOString());
    expect(Date.parse((await snapshotOf(awaitingFeedback.id)).dueAt!)).toBeGreaterThan(Date.now());

    // The second run finds everything running: it starts nothing.
    const again = await rebuild();
    expect(again).toMatchObject({ casesStarted: [], casesFound: open.length, cyclesStarted: [] });
    expect(again.schedules).toEqual({ created: [], caughtUp: [] });

    // Every open case takes its next step, its events continuing the ledger's sequence.
    const before = (await eventsOf(inLedger.id)).length;
    await stepOk(sys, east, inLedger.id, 'submit');
    await expect
      .poll(async () => (await typesOf(inLedger.id)).slice(before), { timeout: 30_000 })
      .toEqual(['submitted_to_district', 'deadline_overdue']);
    expect((await stepOk(sys, district, atDistrict.id, 'forward', { summary: 'To the city.' })).status).toBe('municipal_coordination');
    expect(
      await sys.db.prisma.case.findUniqueOrThrow({ where: { id: atDistrict.id }, select: { latitude: true, longitude: true } }),
    ).toEqual(point);
    expect((await stepOk(sys, east, returned.id, 'resubmit', { comment: 'Posts 12 to 20.' })).status).toBe('district_review');
    expect((await stepOk(sys, east, awaitingFeedback.id, 'feedback', { satisfied: true })).status).toBe('closed');
    for (const id of open) {
      const sequences = (await eventsOf(id)).map((e) => e.sequence);
      expect(sequences).toEqual(sequences.map((_, i) => i + 1));
    }

    // The cycle knows West Street's ledger is in, and takes East Street's.
    const snapshots = await Promise.all(
      report.cyclesStarted.map((id) => {
        const [cycle, districtId] = id.split(':') as [string, string];
        return sys.client.workflow.getHandle(workflowIdForCycle(cycle, districtId)).query(cycleSnapshotQuery);
      }),
    );
    expect(snapshots.map((s) => s.submittedUnitIds.length).sort()).toEqual([0, 1]);
    expect((await sys.http.post(`/cycles/${CYCLE}/submission`).set('Authorization', west)).status).toBe(409);
    expect((await sys.http.post(`/cycles/${CYCLE}/submission`).set('Authorization', east)).status).toBe(200);

    // The city's deadline fires when the ledger said, not before.
    expect(await typesOf(atCity.id)).not.toContain('deadline_overdue');
    await expect.poll(async () => (await typesOf(atCity.id)).includes('deadline_overdue'), { timeout: 90_000, interval: 1_000 }).toBe(true);
    const overdue = (await eventsOf(atCity.id)).find((e) => e.type === 'deadline_overdue')!;
    expect(overdue.occurredAt.getTime()).toBeGreaterThanOrEqual(cityDueAt.getTime());
    expect(overdue.occurredAt.getTime() - cityDueAt.getTime()).toBeLessThan(15_000);
    expect((await stepOk(sys, city, atCity.id, 'resolve', { resolution: 'The utility repaired the line.' })).status).toBe(
      'awaiting_feedback',
    );

    await sys.assertReconciled();
  });
});
