import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedId } from '../../../domain/directory/seed.ts';
import type { CaseDetails } from '../../../model/cases/case-details.ts';
import type { CaseStatus } from '../../../model/cases/lifecycle.ts';
import { addLeader } from '../../support/leader-steps.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

// The API's "today" is pinned in mid-2099; every project below closed (if at all) earlier that year.
const NOW = new Date('2099-06-02T02:00:00Z');
const CLOSED_AT = new Date('2099-05-01T02:00:00Z');
let sys: TestSystem;
let civil: string;

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename, { clock: { now: () => NOW } });
  civil = await sys.login('civil@ledger.test');
});
// No reconciliation after these tests: the ledger rows below are written as projections would leave
// them, without workflows behind them, to put every way a project can end before both readings.
afterAll(() => sys?.stop());

const solved = (level: 'district' | 'municipal') => ({ level, text: 'Done.', solved: true });

/** Every way a claimed project can stand, and whether it counts as completed for its leader. */
const ENDINGS: Array<{ name: string; status: CaseStatus; details: Omit<CaseDetails, 'claim'>; counts: boolean }> = [
  {
    name: 'solved, reporter satisfied',
    status: 'closed',
    details: { resolution: solved('district'), closedBecause: 'reporter_satisfied' },
    counts: true,
  },
  {
    name: 'solved by the city, no answer',
    status: 'closed',
    details: { resolution: solved('municipal'), closedBecause: 'no_answer' },
    counts: true,
  },
  {
    name: 'declared unsolvable, closed',
    status: 'closed',
    details: { resolution: { level: 'municipal', text: 'No budget.', solved: false, referTo: 'the province' }, closedBecause: 'no_answer' },
    counts: false,
  },
  {
    name: 'merged into a primary that was solved',
    status: 'closed',
    details: {
      mergedIntoCaseId: randomUUID(),
      closedBecause: 'primary_closed',
      primaryOutcome: { caseId: randomUUID(), status: 'closed', resolution: solved('district') },
    },
    counts: false,
  },
  { name: 'merged, its primary still open', status: 'merged', details: { mergedIntoCaseId: randomUUID() }, counts: false },
  {
    name: 'solved, awaiting the reporter’s answer',
    status: 'awaiting_feedback',
    details: { resolution: solved('district') },
    counts: false,
  },
  { name: 'rejected', status: 'rejected', details: { rejectionReason: 'Not a public-service project.' }, counts: false },
  { name: 'still with the city', status: 'municipal_coordination', details: {}, counts: false },
];

describe('"project completed", one rule read two ways', () => {
  it('counts the same projects for the leader’s year (SQL) as the unit’s project list marks completed (TypeScript)', async () => {
    const leader = await addLeader(sys, civil, {
      name: 'Zhao Lei',
      post: 'Director',
      rank: 'principal',
      reportsToUnitId: seedId('ST-EAST'),
    });
    const claim = {
      unitId: seedId('DEPT-CIVIL'),
      unitName: 'District Civil Affairs Bureau',
      leaderId: leader.id,
      leaderName: leader.name,
      claimedAt: '2099-02-01T02:00:00.000Z',
      claimedByUserId: seedId('user:civil@ledger.test'),
    };
    const numberOf = new Map<string, number>();
    for (const ending of ENDINGS) {
      const id = randomUUID();
      const row = await sys.db.prisma.case.create({
        data: {
          id,
          workflowId: `case-${id}`,
          idempotencyKey: id,
          requestHash: 'test',
          filingUnitId: seedId('ST-EAST'),
          filedByUserId: seedId('user:east@ledger.test'),
          kind: 'unclaimed_project',
          urgent: false,
          title: `Project: ${ending.name}`,
          description: 'A public-service project',
          category: 'community',
          location: 'East Street',
          foundOn: new Date('2099-01-10T00:00:00Z'),
          triedLocally: 'Nothing yet',
          helpNeeded: 'Someone to lead it',
          reporterName: 'Residents',
          status: ending.status,
          details: { ...ending.details, claim },
          filedAt: new Date('2099-01-15T02:00:00Z'),
          updatedAt: CLOSED_AT,
          closedAt: ending.status === 'closed' || ending.status === 'rejected' ? CLOSED_AT : null,
        },
      });
      numberOf.set(ending.name, row.number);
    }

    const projects = await sys.http.get('/public-service-projects').query({ state: 'claimed' }).set('Authorization', civil);
    expect(projects.status).toBe(200);
    const completedInList = (projects.body.items as Array<{ number: number; completed: boolean }>)
      .filter((p) => p.completed)
      .map((p) => p.number)
      .sort((a, b) => a - b);
    const year = await sys.http.get(`/leaders/${leader.id}`).set('Authorization', civil);
    expect(year.status).toBe(200);
    const countedForYear = year.body.record.projectCaseNumbers as number[];

    const expected = ENDINGS.filter((e) => e.counts).map((e) => numberOf.get(e.name)!);
    expect({ list: completedInList, year: countedForYear }).toEqual({ list: expected, year: expected });
    expect(year.body.record.standing.done.public_service_project).toBe(expected.length);
  });
});
