import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ANNEX3_COLUMNS } from '../../../domain/exports/annex3.ts';
import { APPENDIX1_COLUMNS, APPENDIX2_COLUMNS } from '../../../domain/leaders/appendices.ts';
import { seedId } from '../../../domain/directory/seed.ts';
import { NOTICE_DEADLINES, halfYearWindow } from '../../../lib/half-years.ts';
import {
  TASK_QUEUE,
  cycleSnapshotQuery,
  quotaTrackerQuery,
  workflowIdForCycle,
  workflowIdForQuotaTracker,
} from '../../../workflows/definitions.ts';
import { fileAs, historyTypes, stepOk } from '../../support/case-steps.ts';
import {
  addLeader,
  moveOn,
  recordActivity,
  recordConfirmed,
  startSystemAt,
  stopSystemAt,
  type TimeSkippingSystem,
} from '../../support/leader-steps.ts';
import { binary, readCsv, readXlsx } from '../../support/spreadsheets.ts';
import type { TestSystem } from '../../support/system.ts';

// A leader's year on the time-skipping test server, from a fixed anchor: 2099-03-02 10:00 district
// time (UTC+8). Every date below is a district date of 2099; the API's clock follows the server's.
let started: TimeSkippingSystem;
let env: TestWorkflowEnvironment;
let sys: TestSystem;
const local = (date: string, time = '10:00') => new Date(`${date}T${time}:00+08:00`);
const CIVIL = seedId('DEPT-CIVIL');
const BODY = seedId('BODY-COMMITTEE');
let civil: string, office: string, east: string, west: string, district: string;
let projectNumber = 0;
const leaders: Record<'zhang' | 'li' | 'liu' | 'chen', { id: string; reportsTo: { id: string } }> = {} as never;

beforeAll(async () => {
  started = await startSystemAt(import.meta.filename, local('2099-03-02'));
  ({ env, sys } = started);
  await logInAll();
});
afterEach(() => sys.assertReconciled());
afterAll(() => stopSystemAt(started));

/** Tokens expire after hours; days pass between steps, so everyone logs in again after each jump. */
async function logInAll() {
  [civil, office, east, west, district] = (await Promise.all(
    ['civil@ledger.test', 'committee-office@ledger.test', 'east@ledger.test', 'west@ledger.test', 'district@ledger.test'].map((e) =>
      sys.login(e),
    ),
  )) as [string, string, string, string, string];
}
const moveTo = (moment: Date) => moveOn(started, moment, logInAll);

const tracker = (unitId: string) => env.client.workflow.getHandle(workflowIdForQuotaTracker(2099, unitId));
const record = async (leaderId: string) =>
  (await sys.http.get(`/leaders/${leaderId}`).query({ year: 2099 }).set('Authorization', district)).body.record;
const mails = (fragment: string) => sys.smtp.mailbox.messages().filter((m) => m.subject.includes(fragment));

describe('a year of the four leads', () => {
  it('March: leaders added, activities recorded and confirmed; a tracker per unit counts them', async () => {
    const east_ = { reportsToUnitId: seedId('ST-EAST') };
    const west_ = { reportsToUnitId: seedId('ST-WEST') };
    leaders.zhang = await addLeader(sys, civil, { name: 'Zhang Min', post: 'Director', rank: 'principal', ...east_ });
    leaders.li = await addLeader(sys, civil, { name: 'Li Na', post: 'Party Secretary', rank: 'principal', ...west_ });
    leaders.liu = await addLeader(sys, civil, { name: 'Liu Yang', post: 'Deputy Director', rank: 'team_member', ...east_ });
    leaders.chen = await addLeader(sys, office, {
      name: 'Chen Hua',
      post: 'Secretary of the District Committee',
      rank: 'principal',
      ...west_,
    });

    await recordConfirmed(sys, civil, east, leaders.zhang, 'planning_meeting', '2099-03-01');
    await recordConfirmed(sys, civil, east, leaders.zhang, 'research_visit', '2099-03-02');
    await recordConfirmed(sys, civil, west, leaders.li, 'research_visit', '2099-03-01');
    await recordConfirmed(sys, civil, east, leaders.liu, 'research_visit', '2099-03-02');
    await recordConfirmed(sys, office, west, leaders.chen, 'planning_meeting', '2099-03-01');
    // Recorded, never confirmed: it must never count.
    const lecture = await recordActivity(sys, civil, leaders.li.id, {
      kind: 'party_lecture',
      occurredOn: '2099-03-02',
      placeUnitId: seedId('ST-WEST'),
    });
    expect(lecture.status).toBe(201);

    expect(
      (
        await recordActivity(sys, civil, leaders.zhang.id, {
          kind: 'party_lecture',
          occurredOn: '2099-03-03',
          placeUnitId: seedId('ST-EAST'),
        })
      ).status,
    ).toBe(400);
    await expect
      .poll(async () => (await tracker(CIVIL).query(quotaTrackerQuery)).standing?.leaders.map((l) => [l.name, l.done.research_visit]))
      .toEqual([
        ['Li Na', 1],
        ['Zhang Min', 1],
        ['Liu Yang', 1],
      ]);
    expect((await record(leaders.li.id)).standing.done.party_lecture).toBe(0);
  });

  it('June: more confirmed work; September 1: the unit is reminded of its principal leaders who are behind', async () => {
    await moveTo(local('2099-06-10'));
    await recordConfirmed(sys, civil, east, leaders.zhang, 'opinion_collection', '2099-06-09', { opinionsCollected: 12 });
    await recordConfirmed(sys, civil, east, leaders.zhang, 'party_lecture', '2099-06-09');
    await recordConfirmed(sys, civil, east, leaders.zhang, 'research_visit', '2099-06-10');
    expect((await record(leaders.zhang.id)).standing.missing).toEqual({
      planning_meeting: 0,
      research_visit: 0,
      opinion_collection: 0,
      party_lecture: 0,
      public_service_project: 1,
      scheduling: 1,
    });
    expect(mails('Four leads 2099')).toEqual([]);

    await moveTo(local('2099-09-01', '09:30'));
    const reminder = await sys.smtp.mailbox.waitFor((m) => m.subject.includes('Four leads 2099: 2 leader(s) behind (2099-09-01)'));
    expect(reminder.to).toEqual(['civil-affairs@ledger.test']);
    expect(reminder.text).toContain('Zhang Min (Director): still 1 public-service project, 1 scheduling participation');
    expect(reminder.text).toContain('Li Na (Party Secretary): still 1 planning meeting, 1 research visit');
    expect(reminder.text).not.toContain('Liu Yang');
    const office_ = await sys.smtp.mailbox.waitFor(
      (m) => m.to.includes('committee-office@ledger.test') && m.subject.includes('(2099-09-01)'),
    );
    expect(office_.subject).toContain('1 leader(s) behind');
    expect((await tracker(CIVIL).query(quotaTrackerQuery)).reminders).toEqual([
      { date: '09-01', leaderIds: [leaders.li.id, leaders.zhang.id] },
    ]);
  });

  it('September: the unit claims an unclaimed project for its leader; solved and closed, it counts for him', async () => {
    await moveTo(local('2099-09-10'));
    await recordConfirmed(sys, civil, east, leaders.zhang, 'scheduling', '2099-09-10');
    for (const [kind, day] of [
      ['research_visit', '2099-09-09'],
      ['research_visit', '2099-09-10'],
      ['party_lecture', '2099-09-10'],
      ['scheduling', '2099-09-10'],
    ] as const)
      await recordConfirmed(sys, office, west, leaders.chen, kind, day);
    await recordConfirmed(sys, office, west, leaders.chen, 'opinion_collection', '2099-09-10', { opinionsCollected: 5 });

    const project = await fileAs(sys, east, { kind: 'unclaimed_project', urgent: true, title: 'Claim: repaint the community centre' });
    const hardProblem = await fileAs(sys, east, { urgent: true, title: 'Claim: not a project' });
    const claimable = (await sys.http.get('/public-service-projects').set('Authorization', civil)).body.items;
    expect(claimable.map((p: { id: string }) => p.id)).toEqual([project.id]);
    const claim = (token: string, caseId: string, leaderId: string) =>
      sys.http.post(`/cases/${caseId}/claim`).set('Authorization', token).send({ leaderId });
    expect((await claim(civil, project.id, leaders.chen.id)).status).toBe(400);
    expect((await claim(civil, hardProblem.id, leaders.zhang.id)).status).toBe(404);
    expect((await claim(await sys.login('north@ledger.test'), project.id, leaders.zhang.id)).status).toBe(404);
    const claimed = await claim(civil, project.id, leaders.zhang.id);
    expect(claimed.status, JSON.stringify(claimed.body)).toBe(200);
    expect(claimed.body.claim).toMatchObject({ unitName: 'District Civil Affairs Bureau', leaderName: 'Zhang Min' });
    expect((await claim(civil, project.id, leaders.zhang.id)).status).toBe(409);
    expect((await claim(office, project.id, leaders.chen.id)).status).toBe(409);

    // The claim is a step of the case: in its history, on the case, and in Annex 3.
    const view = (await sys.http.get(`/cases/${project.id}`).set('Authorization', east)).body;
    expect(view.details.claim).toMatchObject({ leaderId: leaders.zhang.id, leaderName: 'Zhang Min' });
    expect(historyTypes(view)).toEqual(['filed', 'project_claimed']);
    const annex3 = await readCsv(
      (
        await sys.http
          .get('/exports/annex3')
          .query({ lang: 'en' })
          .set('Authorization', district)
          .buffer(true)
          .parse(binary as never)
      ).body as Buffer,
    );
    const claimedBy = ANNEX3_COLUMNS.findIndex((c) => c.en === 'Claimed by (leading leader)');
    expect(annex3.find((row) => row[0] === String(project.number))![claimedBy]).toBe('District Civil Affairs Bureau (Zhang Min)');

    expect((await record(leaders.zhang.id)).standing.done.public_service_project).toBe(0);
    await stepOk(sys, district, project.id, 'solve', { resolution: 'Volunteers repainted it.' });
    await stepOk(sys, east, project.id, 'feedback', { satisfied: true });
    const zhang = await record(leaders.zhang.id);
    expect(zhang.projectCaseNumbers).toEqual([project.number]);
    expect(zhang.standing).toMatchObject({ allFourMet: true, behind: false });
    const mine = (await sys.http.get('/public-service-projects').query({ state: 'claimed' }).set('Authorization', civil)).body.items;
    expect(mine).toMatchObject([{ id: project.id, status: 'closed', completed: true }]);
    projectNumber = project.number;
  });

  it('November 1: only those still behind are named, once', async () => {
    await moveTo(local('2099-11-01', '09:30'));
    const reminder = await sys.smtp.mailbox.waitFor(
      (m) => m.to.includes('civil-affairs@ledger.test') && m.subject.includes('(2099-11-01)'),
    );
    expect(reminder.subject).toContain('1 leader(s) behind');
    expect(reminder.text).toContain('Li Na (Party Secretary)');
    expect(reminder.text).not.toContain('Zhang Min');
    const chen = await sys.smtp.mailbox.waitFor((m) => m.to.includes('committee-office@ledger.test') && m.subject.includes('(2099-11-01)'));
    expect(chen.text).toContain('Chen Hua (Secretary of the District Committee): still 1 public-service project');
    expect(mails('(2099-09-01)')).toHaveLength(2);
    expect(mails('(2099-11-01)')).toHaveLength(2);
  });

  it('December: Appendix 1 and 2 go with the half-year ledger, frozen when submitted; a late body is chased', async () => {
    await moveTo(local('2099-12-01'));
    const handle = await env.client.workflow.start('districtCycleWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: workflowIdForCycle('2099-H2', seedId('DIST')),
      args: [
        {
          cycle: '2099-H2',
          districtId: seedId('DIST'),
          opensAt: local('2099-12-01').toISOString(),
          deadlineAt: halfYearWindow('2099-H2', 480).to.toISOString(),
          reminderWorkingDays: [1],
          reviewFirst: false,
          chaseDays: 2,
          utcOffsetMinutes: 480,
          deadlines: NOTICE_DEADLINES,
        },
      ],
    });
    await expect.poll(async () => (await sys.http.get('/cycles/2099-H2').set('Authorization', district)).status).toBe(200);
    const submit = (token: string) => sys.http.post('/cycles/2099-H2/appendices').set('Authorization', token);
    const appendices = async (token: string) => (await sys.http.get('/cycles/2099-H2/appendices').set('Authorization', token)).body;
    const owingOf = async (token: string) =>
      ((await appendices(token)).owing as Array<{ unitId: string }>).sort((a, b) => a.unitId.localeCompare(b.unitId));
    // Each unit that keeps leaders owes them; its own clerk may submit, the district only watches.
    expect(await owingOf(civil)).toEqual([{ unitId: CIVIL, state: 'owing', allowedActions: ['submit'] }]);
    expect(await owingOf(district)).toEqual(
      [CIVIL, BODY].sort().map((unitId) => ({ unitId, state: 'owing', allowedActions: [] as string[] })),
    );
    expect(await appendices(east)).toMatchObject({ items: [], owing: [] });
    // A street without leaders owes nothing: not a role's refusal (403) but "not possible now".
    const noLeaders = await submit(east);
    expect({ status: noLeaders.status, code: noLeaders.body.error.code }).toEqual({ status: 409, code: 'conflict' });
    const submitted = await submit(civil);
    expect(submitted.body).toMatchObject({ late: false, leaders: 3, state: 'submitted', allowedActions: [] });
    const twice = await submit(civil);
    expect({ status: twice.status, code: twice.body.error.code }).toEqual({ status: 409, code: 'invalid_transition' });
    expect(twice.body.error.params).toMatchObject({ action: 'submit', state: 'submitted', allowedFrom: ['owing', 'overdue'] });
    expect(await appendices(civil)).toMatchObject({ items: [{ unitId: CIVIL, state: 'submitted', allowedActions: [] }], owing: [] });

    // What is confirmed after the submission counts for the year, not in the figures already submitted.
    await moveTo(local('2099-12-02'));
    await recordConfirmed(sys, civil, west, leaders.li, 'research_visit', '2099-12-02');
    const mine = (await sys.http.get('/cycles/2099-H2/appendices').set('Authorization', civil)).body.items;
    expect(mine).toHaveLength(1);
    expect(mine[0].appendix2).toMatchObject({ leaders: 3, principalsMeetingAllFour: 1, activities: { research_visit: 4 } });
    expect(mine[0].appendix1.map((r: { leader: { name: string } }) => r.leader.name)).toEqual(['Li Na', 'Zhang Min', 'Liu Yang']);

    await moveTo(local('2099-12-25', '23:00'));
    const reminder = await sys.smtp.mailbox.waitFor((m) => m.subject.includes('Linkage ledger 2099-H2: 1 working day(s) left'));
    expect(reminder.to).toContain('committee-office@ledger.test');
    expect(reminder.text).toContain('Appendix 1 and 2');

    await moveTo(local('2099-12-26', '00:05'));
    await expect
      .poll(async () => (await sys.http.get('/cycles/2099-H2').set('Authorization', district)).body.summary?.leaders)
      .toMatchObject({
        year: 2099,
        submitted: [{ unit: { name: 'District Civil Affairs Bureau' }, late: false, principalsMeetingAllFour: 1 }],
        notSubmitted: ['District Committee Office'],
        total: { leaders: 3, projectsCompleted: 1 },
      });
    await moveTo(local('2099-12-27', '01:00'));
    const chased = await sys.smtp.mailbox.waitFor((m) => m.subject.includes('2099-H2: OVERDUE (day 1)'));
    expect(chased.to).toContain('committee-office@ledger.test');
    expect(await owingOf(office)).toEqual([{ unitId: BODY, state: 'overdue', allowedActions: ['submit'] }]);
    expect((await submit(office)).body).toMatchObject({ late: true, leaders: 1, state: 'submitted_late', allowedActions: [] });
    await moveTo(local('2099-12-28', '01:00'));
    const dayTwo = await sys.smtp.mailbox.waitFor((m) => m.subject.includes('2099-H2: OVERDUE (day 2)'));
    expect(dayTwo.to).not.toContain('committee-office@ledger.test');
    // Polled, not awaited with result(): waiting on a result lets the test server skip ahead to the trackers' year end.
    await expect.poll(async () => (await handle.query(cycleSnapshotQuery)).phase).toBe('closed');
    const all = (await sys.http.get('/cycles/2099-H2/appendices').set('Authorization', district)).body.items;
    expect(all.map((i: { unitId: string; late: boolean; state: string }) => [i.unitId, i.late, i.state])).toEqual([
      [CIVIL, false, 'submitted'],
      [BODY, true, 'submitted_late'],
    ]);
    expect(await owingOf(district)).toEqual([]);
  });

  it('December 31: the year’s standing is frozen; later records for it are refused', async () => {
    await moveTo(local('2099-12-31', '23:59'));
    expect((await tracker(CIVIL).query(quotaTrackerQuery)).phase).toBe('tracking');
    await moveTo(local('2100-01-01', '00:01'));
    const [civilYear, bodyYear] = await Promise.all([tracker(CIVIL).result(), tracker(BODY).result()]);
    expect(civilYear.phase).toBe('frozen');
    expect(bodyYear.standing?.leaders.map((l: { name: string; behind: boolean }) => [l.name, l.behind])).toEqual([['Chen Hua', true]]);
    expect(await sys.db.prisma.leaderYearStanding.count({ where: { year: 2099 } })).toBe(4);

    const zhang = await record(leaders.zhang.id);
    expect(zhang).toMatchObject({ frozen: true, projectCaseNumbers: [projectNumber], opinionsCollected: 12 });
    expect(zhang.standing).toMatchObject({
      allFourMet: true,
      schedulingMet: true,
      leads: { planning: true, research: true, policy: true, helping: true },
    });
    expect(zhang.dates.research_visit).toEqual(['2099-03-02', '2099-06-10']);
    const late = await recordActivity(sys, civil, leaders.li.id, {
      kind: 'research_visit',
      occurredOn: '2099-12-30',
      placeUnitId: seedId('ST-WEST'),
    });
    expect(late.status).toBe(409);
    const pending = (await sys.http.get('/leader-activities').query({ review: 'pending' }).set('Authorization', west)).body.items;
    expect(pending).toHaveLength(1);
    expect((await sys.http.post(`/leader-activities/${pending[0].id}/confirm`).set('Authorization', west)).status).toBe(409);
    expect((await record(leaders.li.id)).standing.done.party_lecture).toBe(0);
  });

  it('Appendix 1 and 2 for 2099, read back from CSV, XLSX and JSON, match figures worked out by hand', async () => {
    const download = (which: number, query: Record<string, string>, token = district) =>
      sys.http
        .get(`/appendices/${which}`)
        .query({ year: '2099', ...query })
        .set('Authorization', token)
        .buffer(true)
        .parse(binary as never);

    const a1 = await readCsv((await download(1, {})).body as Buffer);
    expect(a1[0]).toEqual(APPENDIX1_COLUMNS.map((c) => c.zh));
    const col = (name: string) => APPENDIX1_COLUMNS.findIndex((c) => c.en === name);
    const pick = (row: string[], names: string[]) => names.map((n) => row[col(n)] ?? '');
    const figures = [
      'Name',
      'Planning meetings: done',
      'Research visits: done',
      'Research visits: dates',
      'Party lectures: done',
      'Scheduling participation: done',
      'All four leads met',
    ];
    // Units in code order (BODY-COMMITTEE, DEPT-CIVIL); principals first, by name.
    expect(a1.slice(1).map((row) => pick(row, figures))).toEqual([
      ['Chen Hua', '1', '2', '2099-09-09, 2099-09-10', '1', '1', '否'],
      ['Li Na', '0', '2', '2099-03-01, 2099-12-02', '0', '0', '否'],
      ['Zhang Min', '1', '2', '2099-03-02, 2099-06-10', '1', '1', '是'],
      ['Liu Yang', '0', '1', '2099-03-02', '0', '0', ''],
    ]);
    expect(a1.slice(1).map((row) => row[col('Research visits: required')])).toEqual(['2', '2', '2', '0']);
    expect(a1.slice(1).map((row) => row[col('Public-service projects completed: ledger No.')] ?? '')).toEqual([
      '',
      '',
      String(projectNumber),
      '',
    ]);

    const a2 = await readXlsx((await download(2, { format: 'xlsx', lang: 'en' })).body as Buffer);
    expect(a2[0]).toEqual(APPENDIX2_COLUMNS.map((c) => c.en));
    expect(a2.slice(1)).toEqual([
      ['District Committee Office', 'District leadership body', '1', '1', '0', '1', '2', '1', '1', '1', '0', '0', '5'],
      ['District Civil Affairs Bureau', 'District department', '3', '2', '1', '1', '5', '1', '1', '1', '1', '1', '12'],
      ['Total', 'Total', '4', '3', '1', '2', '7', '2', '2', '2', '1', '1', '17'],
    ]);

    const json = (await sys.http.get('/appendices/2').query({ year: '2099', format: 'json' }).set('Authorization', civil)).body;
    expect(json.rows.map((r: { unit: { name: string } }) => r.unit.name)).toEqual(['District Civil Affairs Bureau']);
    expect(json.total).toMatchObject({
      leaders: 3,
      principals: 2,
      principalsMeetingAllFour: 1,
      projectsClaimed: 1,
      projectsCompleted: 1,
      opinionsCollected: 12,
      activities: { research_visit: 5 },
    });
    const outsider = (await sys.http.get('/appendices/1').query({ year: '2099', format: 'json' }).set('Authorization', east)).body;
    expect(outsider.rows).toEqual([]);
  });
});
