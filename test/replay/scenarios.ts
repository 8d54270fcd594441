import { fileCase, getCase, performCaseAction } from '../../domain/cases/cases.ts';
import { NOTICE_DEADLINES } from '../../lib/half-years.ts';
import { submitLedger, approveSummary } from '../../domain/cycle/cycles.ts';
import { claimProject } from '../../domain/leaders/claims.ts';
import { submitAppendices } from '../../domain/leaders/appendix-submissions.ts';
import { districtYearOf } from '../../lib/district-time.ts';
import { seedDemoLeaders, seedId } from '../../domain/directory/seed.ts';
import { loadConfig } from '../../lib/config.ts';
import {
  TASK_QUEUE,
  quotaProgressSignal,
  workflowIdForCase,
  workflowIdForCycle,
  workflowIdForQuotaTracker,
} from '../../workflows/definitions.ts';
import type { CaseFiling } from '../../model/cases/filing.ts';
import { filing as fixtureFiling } from '../support/fixtures.ts';
import { PARTY_SCENARIOS } from './party-scenarios.ts';
import { WEBHOOK_SCENARIOS } from './webhook-scenarios.ts';
import { BULK_SCENARIOS } from './bulk-scenarios.ts';
import { RESUME_SCENARIOS } from './resume-scenarios.ts';
import { as, file, waitUntil, type Scenario, type ScenarioDeps } from './scenario.ts';

const caseWorkflowOf = (run: (deps: ScenarioDeps) => Promise<string>) => async (deps: ScenarioDeps) => workflowIdForCase(await run(deps));

const DAY = 86_400_000;

export const SCENARIOS: Scenario[] = [
  { name: 'urgent-filing', run: caseWorkflowOf((deps) => file(deps, 'urgent filing')) },
  {
    name: 'regular-forwarded-resolved-satisfied',
    run: caseWorkflowOf(async (deps) => {
      const id = await file(deps, 'regular full path', false);
      const west = as(deps, 'west@ledger.test');
      const district = as(deps, 'district@ledger.test');
      const city = as(deps, 'city@ledger.test');
      await performCaseAction(deps, west, id, 'submit', { comment: 'ready' });
      await performCaseAction(deps, district, id, 'forward', { summary: 'needs the city' });
      await performCaseAction(deps, city, id, 'assign', { coordinatingBody: 'Water Bureau' });
      await performCaseAction(deps, city, id, 'note', { note: 'pump ordered' });
      await performCaseAction(deps, city, id, 'resolve', { resolution: 'pump installed' });
      await performCaseAction(deps, west, id, 'feedback', { satisfied: true });
      return id;
    }),
  },
  {
    name: 'district-solved-reopened-unsolvable',
    run: caseWorkflowOf(async (deps) => {
      const id = await file(deps, 'reopened path');
      const district = as(deps, 'district@ledger.test');
      await performCaseAction(deps, district, id, 'solve', { resolution: 'fixed locally' });
      await performCaseAction(deps, as(deps, 'east@ledger.test'), id, 'feedback', { satisfied: false, reason: 'still broken' });
      await performCaseAction(deps, district, id, 'forward', { summary: 'city please' });
      await performCaseAction(deps, as(deps, 'city@ledger.test'), id, 'declareUnsolvable', { reason: 'court matter', referTo: 'court' });
      return id;
    }),
  },
  {
    // Owners taken, assigned and released at each level, cleared when the case moves on (patch 'case-owners').
    name: 'owners-taken-assigned-cleared',
    run: caseWorkflowOf(async (deps) => {
      const id = await file(deps, 'owners path', false);
      const west = as(deps, 'west@ledger.test');
      const district = as(deps, 'district@ledger.test');
      const city = as(deps, 'city@ledger.test');
      await performCaseAction(deps, west, id, 'take', { comment: 'mine' });
      await performCaseAction(deps, west, id, 'submit', {});
      await performCaseAction(deps, district, id, 'assignOwner', { assigneeId: district.id });
      await performCaseAction(deps, west, id, 'note', { note: 'the residents called again' });
      await performCaseAction(deps, district, id, 'note', { note: 'asked the bureau' });
      await performCaseAction(deps, district, id, 'forward', { summary: 'needs the city' });
      await performCaseAction(deps, city, id, 'take', {});
      await performCaseAction(deps, city, id, 'release', { comment: 'on leave' });
      return id;
    }),
  },
  {
    name: 'returned-resubmitted-rejected',
    run: caseWorkflowOf(async (deps) => {
      const id = await file(deps, 'returned path');
      const district = as(deps, 'district@ledger.test');
      await performCaseAction(deps, district, id, 'return', { questions: 'where exactly?' });
      await deps.advance(3 * DAY);
      await performCaseAction(deps, as(deps, 'east@ledger.test'), id, 'resubmit', { edits: { location: 'Elm Road 12' } });
      await performCaseAction(deps, district, id, 'reject', { reason: 'private property' });
      return id;
    }),
  },
  {
    name: 'merged-duplicate-closes-with-primary',
    run: caseWorkflowOf(async (deps) => {
      const primary = await file(deps, 'merge primary');
      const duplicate = await file(deps, 'merge duplicate');
      const district = as(deps, 'district@ledger.test');
      const east = as(deps, 'east@ledger.test');
      await performCaseAction(deps, district, duplicate, 'merge', { primaryCaseId: primary });
      await waitUntil(async () => (await getCase(deps, district, primary)).duplicates.length > 0);
      await performCaseAction(deps, district, primary, 'solve', { resolution: 'done' });
      await performCaseAction(deps, east, primary, 'feedback', { satisfied: true });
      await waitUntil(async () => (await getCase(deps, district, duplicate)).status === 'closed');
      return duplicate;
    }),
  },
  {
    name: 'merged-into-rejected-primary',
    run: caseWorkflowOf(async (deps) => {
      const primary = await file(deps, 'rejected primary');
      const duplicate = await file(deps, 'duplicate of rejected');
      const district = as(deps, 'district@ledger.test');
      await performCaseAction(deps, district, duplicate, 'merge', { primaryCaseId: primary });
      await waitUntil(async () => (await getCase(deps, district, primary)).duplicates.length > 0);
      await performCaseAction(deps, district, primary, 'reject', { reason: 'private matter' });
      await waitUntil(async () => (await getCase(deps, district, duplicate)).status === 'closed');
      return duplicate;
    }),
  },
  {
    // An urgent duplicate brings its shorter deadline to the regular case it joins (patch 'urgent-duplicate-deadline').
    name: 'urgent-duplicate-into-regular-primary',
    run: caseWorkflowOf(async (deps) => {
      const primary = await file(deps, 'regular primary', false);
      const west = as(deps, 'west@ledger.test');
      const district = as(deps, 'district@ledger.test');
      await performCaseAction(deps, west, primary, 'submit', {});
      const duplicate = await file(deps, 'urgent duplicate');
      await performCaseAction(deps, district, duplicate, 'merge', { primaryCaseId: primary });
      await waitUntil(async () => (await getCase(deps, district, primary)).urgent);
      await performCaseAction(deps, district, primary, 'forward', { summary: 'needs the city, urgently' });
      return primary;
    }),
  },
  {
    name: 'deadline-reminders-overdue',
    run: caseWorkflowOf(async (deps) => {
      const id = await file(deps, 'deadline path');
      await deps.advance(deps.policy.urgentDistrictDays * 3 * DAY);
      await waitUntil(async () => (await getCase(deps, as(deps, 'district@ledger.test'), id)).overdue);
      return id;
    }),
  },
  {
    name: 'feedback-timeout-closes',
    run: caseWorkflowOf(async (deps) => {
      const id = await file(deps, 'feedback timeout path');
      const district = as(deps, 'district@ledger.test');
      await performCaseAction(deps, district, id, 'solve', { resolution: 'done' });
      await deps.advance(deps.policy.feedbackDays * 3 * DAY);
      await waitUntil(async () => (await getCase(deps, district, id)).status === 'closed');
      return id;
    }),
  },
  {
    name: 'district-cycle-reviewed-batch-chased',
    async run(deps) {
      await file(deps, 'cycle ledger case', false);
      const { workflowId, handle } = await openCycle(deps, '2099-H1', { reminderWorkingDays: [3, 1], reviewFirst: true, chaseDays: 2 });
      await submitLedger(deps, as(deps, 'west@ledger.test'), '2099-H1');
      await deps.advance(11 * DAY);
      await waitUntil(
        async () => (await deps.prisma.reportingCycle.findFirst({ where: { cycle: '2099-H1' } }))?.phase === 'awaiting_review',
      );
      await approveSummary(deps, as(deps, 'district@ledger.test'), '2099-H1', 'to the city');
      await deps.advance(3 * DAY);
      await handle.result();
      return workflowId;
    },
  },
  {
    name: 'case-carried-by-ledger-and-batch',
    run: caseWorkflowOf(async (deps) => {
      const id = await file(deps, 'carried by the cycle', false);
      const { handle } = await openCycle(deps, '2099-H2', { reminderWorkingDays: [], reviewFirst: false, chaseDays: 0 });
      await submitLedger(deps, as(deps, 'west@ledger.test'), '2099-H2');
      await deps.advance(11 * DAY);
      await handle.result();
      return id;
    }),
  },
  ...RESUME_SCENARIOS,
  ...PARTY_SCENARIOS,
  {
    name: 'unclaimed-project-claimed-solved',
    run: caseWorkflowOf(async (deps) => {
      const project = fixtureFiling({ title: 'claimed project', urgent: true, kind: 'unclaimed_project' }) as CaseFiling;
      const id = (await fileCase(deps, as(deps, 'east@ledger.test'), project, 'replay-claimed project')).case.id;
      await seedDemoLeaders(deps.prisma, new Date(await deps.now()), 'en');
      const leader = await deps.prisma.leader.findFirstOrThrow({ where: { unitId: seedId('DEPT-CIVIL'), rank: 'principal' } });
      await claimProject(deps, as(deps, 'civil@ledger.test'), id, leader.id);
      await performCaseAction(deps, as(deps, 'district@ledger.test'), id, 'solve', { resolution: 'volunteers did it' });
      await performCaseAction(deps, as(deps, 'east@ledger.test'), id, 'feedback', { satisfied: true });
      return id;
    }),
  },
  {
    name: 'district-cycle-with-appendices-chased',
    async run(deps) {
      await seedDemoLeaders(deps.prisma, new Date(await deps.now()), 'en');
      const { workflowId, handle } = await openCycle(deps, '2098-H1', { reminderWorkingDays: [1], reviewFirst: false, chaseDays: 1 });
      await submitAppendices({ ...deps, rules: loadConfig({}).leaders }, as(deps, 'civil@ledger.test'), '2098-H1');
      await deps.advance(12 * DAY);
      await handle.result();
      return workflowId;
    },
  },
  {
    name: 'quota-tracker-counted-reminded-frozen',
    async run(deps) {
      const now = await deps.now();
      await seedDemoLeaders(deps.prisma, new Date(now), 'en');
      const { leaders } = loadConfig({});
      // The whole of next year: counted at the start and on a signal, reminded twice, frozen at its end.
      const year = districtYearOf(new Date(now), leaders.utcOffsetMinutes) + 1;
      const unitId = seedId('DEPT-CIVIL');
      const handle = await deps.temporal.workflow.start('quotaTrackerWorkflow', {
        taskQueue: TASK_QUEUE,
        workflowId: workflowIdForQuotaTracker(year, unitId),
        args: [{ ...leaders, year, unitId }],
      });
      const zhang = await deps.prisma.leader.findFirstOrThrow({ where: { unitId, rank: 'principal' } });
      await deps.advance(200 * DAY);
      await deps.prisma.leaderActivity.create({
        data: {
          id: seedId(`replay-activity-${year}`),
          leaderId: zhang.id,
          kind: 'research_visit',
          occurredOn: new Date(`${year}-06-01T00:00:00Z`),
          placeUnitId: zhang.reportsToUnitId,
          participants: 'residents',
          account: 'visit',
          review: 'confirmed',
          recordedByUserId: zhang.id,
          recordedAt: new Date(now),
        },
      });
      await handle.signal(quotaProgressSignal);
      await deps.advance(400 * DAY);
      await handle.result();
      return handle.workflowId;
    },
  },
  {
    name: 'quota-trackers-opened-backfill',
    async run(deps) {
      const handle = await deps.temporal.workflow.start('openQuotaTrackersWorkflow', {
        taskQueue: TASK_QUEUE,
        workflowId: 'open-quota-trackers-2001',
        args: [{ year: 2001, settings: loadConfig({}).leaders }],
      });
      await handle.result();
      return handle.workflowId;
    },
  },
  {
    // Near the end, as it changes the demo leaders: a park's first leader comes after the cycle opened (it
    // submits), the garrison's only leader retires (no longer reminded or chased).
    name: 'district-cycle-appendix-units-follow-leaders',
    async run(deps) {
      const now = new Date(await deps.now());
      await seedDemoLeaders(deps.prisma, now, 'en');
      const { workflowId, handle } = await openCycle(deps, '2096-H1', { reminderWorkingDays: [1], reviewFirst: false, chaseDays: 1 });
      await deps.prisma.leader.create({
        data: {
          id: seedId('leader:PK-EDZ:Sun Li'),
          unitId: seedId('PK-EDZ'),
          name: 'Sun Li',
          post: 'Director',
          rank: 'principal',
          reportsToUnitId: seedId('ST-EAST'),
          updatedAt: now,
        },
      });
      await deps.prisma.leader.updateMany({ where: { unitId: seedId('GARRISON') }, data: { active: false } });
      await submitAppendices({ ...deps, rules: loadConfig({}).leaders }, as(deps, 'edz@ledger.test'), '2096-H1');
      await deps.advance(12 * DAY);
      await handle.result();
      return workflowId;
    },
  },
  ...BULK_SCENARIOS,
  // Last: their webhooks hear only their own cases, and their feed only what came after them.
  ...WEBHOOK_SCENARIOS,
];

/**
 * Histories of workflow code that has since changed behind a patch: they must keep replaying, so they
 * are kept as recorded and never re-recorded. The cycle moved cases by signals before patch
 * 'cycle-moves-cases-by-update'; a round projected whole snapshots and mailed inside its Updates
 * before patch 'round-records-events' (recorded as 'recommendation-round-returned-approved'); a case
 * had no owner before patch 'case-owners' (a copy of 'regular-forwarded-resolved-satisfied'); the cycle
 * fixed who owes Appendix 1 and 2 when it opened before patch 'cycle-appendix-units-follow-leaders' (a
 * copy of 'district-cycle-with-appendices-chased'); a regular case kept its own deadline when an urgent
 * duplicate joined it before patch 'urgent-duplicate-deadline' (a copy of 'urgent-duplicate-into-regular-primary').
 */
export const LEGACY_HISTORIES = [
  'district-cycle-signals-before-updates',
  'recommendation-round-snapshots-before-events',
  'case-before-owners',
  'district-cycle-appendix-units-fixed-at-open',
  'urgent-duplicate-before-deadline-patch',
];

/** Starts a district's half-year cycle ten days before its deadline and waits until it has opened. */
async function openCycle(
  deps: ScenarioDeps,
  cycle: string,
  settings: { reminderWorkingDays: number[]; reviewFirst: boolean; chaseDays: number },
) {
  const districtId = as(deps, 'district@ledger.test').orgUnitId;
  const now = await deps.now();
  const workflowId = workflowIdForCycle(cycle, districtId);
  const handle = await deps.temporal.workflow.start('districtCycleWorkflow', {
    taskQueue: TASK_QUEUE,
    workflowId,
    args: [
      {
        cycle,
        districtId,
        opensAt: new Date(now).toISOString(),
        deadlineAt: new Date(now + 10 * DAY).toISOString(),
        ...settings,
        utcOffsetMinutes: 480,
        deadlines: NOTICE_DEADLINES,
      },
    ],
  });
  await waitUntil(async () => (await deps.prisma.reportingCycle.count({ where: { cycle } })) > 0);
  return { workflowId, handle };
}
