import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedId } from '../../../domain/directory/seed.ts';
import { loadConfig } from '../../../lib/config.ts';
import { TASK_QUEUE } from '../../../workflows/definitions.ts';
import { fileAs } from '../../support/case-steps.ts';
import { at, startPinnedTestSystem, type PinnedTime } from '../../support/pinned-time.ts';
import type { TestSystem } from '../../support/system.ts';

// What one unit's staff can learn of another unit's work: that a similar case exists (its number),
// and nothing it says; nothing of the other units' part of a ledger cycle; no internals in errors.
// On the time-skipping server, so an export's retries with back-off take no real time.
let time: PinnedTime;
let sys: TestSystem;
let stop: (() => Promise<void>) | undefined;
let east: string, west: string, district: string;

beforeAll(async () => {
  ({ time, sys, stop } = await startPinnedTestSystem(import.meta.filename, at('2099-03-02 09:00')));
  [east, west, district] = [
    await sys.login('east@ledger.test'),
    await sys.login('west@ledger.test'),
    await sys.login('district@ledger.test'),
  ];
});
afterEach(() => sys.assertReconciled());
afterAll(() => stop?.());

const waterMain = { category: 'water supply', location: 'Harbour Road 10-80' };

describe('duplicate suggestions', () => {
  it('name another unit’s submitted case by number only, and never a case still in that unit’s own ledger', async () => {
    const submitted = await fileAs(sys, east, { ...waterMain, urgent: true, title: 'Burst water main floods Harbour Road' });
    const unsubmitted = await fileAs(sys, east, { ...waterMain, title: 'Burst water main under Harbour Road again' });
    expect(unsubmitted.status).toBe('awaiting_submission');

    const wests = await fileAs(sys, west, { ...waterMain, title: 'Burst water main on Harbour Road' });
    expect(wests.possibleDuplicates).toEqual([
      // Which parts matched, never with which of East's words.
      {
        number: submitted.number,
        score: expect.any(Number),
        reasons: expect.arrayContaining([
          { part: 'place', shared: [] },
          { part: 'problem', shared: [] },
        ]),
      },
    ]);
    const shown = JSON.stringify(wests.possibleDuplicates);
    expect(shown).not.toContain(submitted.id);
    expect(shown).not.toContain('floods');
    expect(shown).not.toContain(String(unsubmitted.number));

    // The filer's own unit's cases, submitted or not, are shown in full.
    const easts = await fileAs(sys, east, { ...waterMain, title: 'Burst water main Harbour Road, third report' });
    const own = easts.possibleDuplicates.filter((d) => d.id !== undefined);
    expect(own.map((d) => d.id).sort()).toEqual([submitted.id, unsubmitted.id].sort());
    expect(own.find((d) => d.id === submitted.id)).toMatchObject({
      title: 'Burst water main floods Harbour Road',
      reasons: expect.arrayContaining([{ part: 'problem', shared: expect.arrayContaining(['burst', 'water', 'main']) }]),
    });
    // West's case is still in West's own ledger: East learns nothing of it.
    expect(easts.possibleDuplicates.map((d) => d.number)).not.toContain(wests.number);
  });
});

describe('a ledger cycle seen by a filing unit', () => {
  it('shows the cycle and the unit’s own part, never the other units’ submissions, lateness, cases or the summary', async () => {
    const [eastUnit, westUnit, edzUnit, dist] = [seedId('ST-EAST'), seedId('ST-WEST'), seedId('PK-EDZ'), seedId('DIST')];
    const eastCase = await fileAs(sys, east, { urgent: true, title: 'Cycle view: east' });
    const westCase = await fileAs(sys, west, { urgent: true, title: 'Cycle view: west' });
    const cycle = '2099-H1';
    const at = new Date('2099-06-20T01:00:00Z');
    await sys.db.prisma.reportingCycle.create({
      data: {
        id: `${cycle}:${dist}`,
        cycle,
        districtId: dist,
        workflowId: `cycle-${cycle}-${dist}`,
        opensAt: at,
        deadlineAt: at,
        phase: 'chasing',
        lateUnitIds: [edzUnit],
        summary: { batchForCity: [eastCase.number, westCase.number] },
        reviewNote: 'Both to the water bureau.',
        forwardedIds: [eastCase.id, westCase.id],
        submissions: {
          create: [
            { unitId: eastUnit, submittedByUserId: randomUUID(), submittedAt: at, caseIds: [eastCase.id], late: false },
            { unitId: westUnit, submittedByUserId: randomUUID(), submittedAt: at, caseIds: [westCase.id], late: false },
          ],
        },
      },
    });

    const asWest = await sys.http.get(`/cycles/${cycle}`).set('Authorization', west);
    expect(asWest.status).toBe(200);
    expect(asWest.body).toMatchObject({ cycle, phase: 'chasing', summary: null, reviewNote: null, lateUnitIds: [] });
    expect(asWest.body.submissions.map((s: { unitId: string }) => s.unitId)).toEqual([westUnit]);
    expect(asWest.body.forwardedCaseIds).toEqual([westCase.id]);
    // West reads what its own submission carried, and owes nothing more.
    expect(asWest.body.submissions[0].cases).toEqual([{ id: westCase.id, number: westCase.number, title: 'Cycle view: west' }]);
    expect(asWest.body.notSubmittedUnitIds).toEqual([]);
    expect(JSON.stringify(asWest.body)).not.toContain(eastUnit);
    expect(JSON.stringify(asWest.body)).not.toContain(eastCase.id);

    const asDistrict = (await sys.http.get(`/cycles/${cycle}`).set('Authorization', district)).body;
    expect(asDistrict.submissions).toHaveLength(2);
    // The district's board names the filing units that have not submitted: not East or West, which have.
    expect(asDistrict.notSubmittedUnitIds).toContain(edzUnit);
    expect(asDistrict.notSubmittedUnitIds).not.toContain(eastUnit);
    expect(asDistrict.notSubmittedUnitIds).not.toContain(westUnit);
    expect(asDistrict).toMatchObject({
      lateUnitIds: [edzUnit],
      forwardedCaseIds: [eastCase.id, westCase.id],
      reviewNote: 'Both to the water bureau.',
    });
  });
});

describe('a failed export job', () => {
  const settings = () => {
    const config = loadConfig({ LOG_LEVEL: 'silent' });
    return {
      timeZone: config.districtTime.zone,
      utcOffsetMinutes: config.districtTime.utcOffsetMinutes,
      deadlines: config.cycles.deadlines,
    };
  };
  async function runJob(filter: object, requester: string) {
    const id = randomUUID();
    await sys.db.prisma.exportJob.create({
      data: { id, requestedByUserId: seedId(`user:${requester}`), format: 'csv', lang: 'en', filter },
    });
    const handle = await time.env.client.workflow.start('annex3ExportWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: `export-${id}`,
      args: [{ jobId: id, settings: settings() }],
    });
    await expect(handle.result()).rejects.toThrow();
    return id;
  }

  it('tells its requester it failed, without the database’s message, paths or query', async () => {
    // A unit id the database refuses as a uuid: the query fails on every attempt.
    const id = await runJob({ unitId: 'not-a-uuid' }, 'district@ledger.test');
    const job = (await sys.http.get(`/exports/jobs/${id}`).set('Authorization', district)).body;
    expect(job.status).toBe('failed');
    expect(job.error).toContain('could not be written');
    expect(job.error).toContain(id);
    expect(job.error).not.toMatch(/prisma|uuid|select|invalid input|\/|\.ts/i);
  });

  it('passes on a refusal worded for the requester', async () => {
    await sys.db.prisma.user.update({ where: { email: 'west@ledger.test' }, data: { active: false } });
    try {
      const id = await runJob({}, 'west@ledger.test');
      const row = await sys.db.prisma.exportJob.findUniqueOrThrow({ where: { id } });
      expect(row).toMatchObject({ status: 'failed', error: 'your account no longer has access to the ledger' });
    } finally {
      await sys.db.prisma.user.update({ where: { email: 'west@ledger.test' }, data: { active: true } });
    }
  });
});
