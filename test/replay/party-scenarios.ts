import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { acceptRegistration, registerMember } from '../../domain/party/members.ts';
import { createBranch } from '../../domain/party/organizations.ts';
import { createRecord } from '../../domain/party/records.ts';
import { nominate, openRound, roundStep } from '../../domain/party/rounds.ts';
import type { PartyDeps } from '../../domain/party/scope.ts';
import { seedId } from '../../domain/directory/seed.ts';
import { systemClock } from '../../lib/clock.ts';
import { loadConfig } from '../../lib/config.ts';
import { districtDateOf as districtDate } from '../../lib/district-time.ts';
import { createLocalDirectoryStorage } from '../../lib/storage.ts';
import { TASK_QUEUE, roundReadyUpdate, workflowIdForFeedback, workflowIdForRound } from '../../workflows/definitions.ts';
import type { Scenario, ScenarioDeps } from './scenario.ts';

// Paths of the party members' workflows (section Four), recorded like the case paths.
const DAY = 86_400_000;

const partyDeps = (deps: ScenarioDeps): PartyDeps => ({
  prisma: deps.prisma,
  temporal: deps.temporal,
  clock: systemClock,
  storage: createLocalDirectoryStorage(mkdtempSync(path.join(tmpdir(), 'replay-files-'))),
  settings: loadConfig({}).party,
});
const user = (deps: ScenarioDeps, email: string) => {
  const found = deps.users[email];
  if (!found) throw new Error(`no seeded user ${email}`);
  return found;
};

export const PARTY_SCENARIOS: Scenario[] = [
  {
    name: 'member-feedback-chased-delivered',
    async run(deps) {
      const party = partyDeps(deps);
      const civil = user(deps, 'civil@ledger.test');
      const today = districtDate(new Date(), 480);
      const year = Number(today.slice(0, 4));
      const member = await registerMember(party, civil, {
        memberNumber: 'RP-001',
        name: 'Replay Member',
        homeUnitId: civil.orgUnitId,
        communityId: seedId('COMM-EAST-ELM'),
        registeredOn: `${year}-01-01`,
      });
      await acceptRegistration(party, user(deps, 'east@ledger.test'), member.registrations[0]!.id);
      // Entered by the home unit and never confirmed: the street is chased, the feedback leaves it out.
      await createRecord(party, civil, { memberId: member.id, kind: 'visit', servedOn: today, account: 'replay visit' });
      const now = await deps.now();
      const handle = await deps.temporal.workflow.start('memberFeedbackWorkflow', {
        taskQueue: TASK_QUEUE,
        workflowId: workflowIdForFeedback(year),
        args: [
          {
            year,
            opensAt: new Date(now).toISOString(),
            deliverAt: new Date(now + 8 * DAY).toISOString(),
            deadlineAt: new Date(now + 15 * DAY).toISOString(),
            chaseDays: 7,
            utcOffsetMinutes: 480,
          },
        ],
      });
      await handle.result();
      return handle.workflowId;
    },
  },
  {
    name: 'recommendation-round-returned-approved',
    async run(deps) {
      const party = partyDeps(deps);
      const east = user(deps, 'east@ledger.test');
      const district = user(deps, 'district@ledger.test');
      const memberIds: string[] = [];
      for (let i = 1; i <= 7; i++) {
        const member = await registerMember(party, east, {
          memberNumber: `RR-00${i}`,
          name: `Round member ${i}`,
          homeUnitId: east.orgUnitId,
          communityId: seedId('COMM-EAST-RIVER'),
          registeredOn: '2020-01-01',
        });
        memberIds.push(member.id);
      }
      const year = 2101;
      const unit = east.orgUnitId;
      await openRound(party, east, year);
      const subjectId = memberIds[0]!;
      await nominate(party, east, year, unit, { kind: 'member', subjectId, source: 'residents', reason: 'helps neighbours' });
      await nominate(party, east, year, unit, { kind: 'member', subjectId, source: 'organization', reason: 'leads the branch' });
      const key = `member:${subjectId}`;
      await roundStep(party, east, year, unit, 'shortlist', { subjectKeys: [key] });
      await roundStep(party, east, year, unit, 'decide', { selected: [key] });
      await roundStep(party, east, year, unit, 'submit', {});
      await roundStep(party, district, year, unit, 'return', { reason: 'add a note' });
      await roundStep(party, east, year, unit, 'decide', { selected: [key], note: 'a note' });
      await roundStep(party, east, year, unit, 'submit', {});
      await roundStep(party, district, year, unit, 'approve', {});
      await deps.temporal.workflow.getHandle(workflowIdForRound(year, unit)).result();
      return workflowIdForRound(year, unit);
    },
  },
  {
    name: 'recommendation-round-reminded-expired',
    async run(deps) {
      // West's round, started directly with near dates: nominated, reminded three days before its deadline, expired unapproved.
      const west = user(deps, 'west@ledger.test');
      const year = 2102;
      const now = await deps.now();
      const handle = await deps.temporal.workflow.start('recommendationRoundWorkflow', {
        taskQueue: TASK_QUEUE,
        workflowId: workflowIdForRound(year, west.orgUnitId),
        args: [
          {
            year,
            unitId: west.orgUnitId,
            districtId: user(deps, 'district@ledger.test').orgUnitId,
            submitByAt: new Date(now + 5 * DAY).toISOString(),
            endsAt: new Date(now + 10 * DAY).toISOString(),
            quotaPercent: 15,
            quotaRounding: 'round',
            openedBy: { userId: west.id, role: west.role, orgUnitId: west.orgUnitId },
          },
        ],
      });
      await handle.executeUpdate(roundReadyUpdate);
      await nominate(partyDeps(deps), west, year, west.orgUnitId, {
        kind: 'branch',
        subjectId: (await registeredBranch(deps, west)).id,
        source: 'organization',
        reason: 'kept the river clean',
      });
      await deps.advance(11 * DAY);
      await handle.result();
      return handle.workflowId;
    },
  },
];

/** A branch of West with a member registered there, so it may be nominated in West's round. */
async function registeredBranch(deps: ScenarioDeps, west: ReturnType<typeof user>) {
  const party = partyDeps(deps);
  const branch = await createBranch(party, west, { name: 'Replay riverside branch' });
  await registerMember(party, west, {
    memberNumber: 'RX-001',
    name: 'Riverside member',
    homeUnitId: west.orgUnitId,
    branchId: branch.id,
    communityId: seedId('COMM-WEST-PINE'),
    registeredOn: '2020-01-01',
  });
  return branch;
}
