import { ApplicationFailure } from '@temporalio/activity';
import { describeMissing, type Quotas } from '../../model/leaders/four-leads.ts';
import { recordAppendixSubmission } from '../../domain/leaders/appendix-submissions.ts';
import { countYear, freezeYear, type LeaderYearRecord } from '../../domain/leaders/records.ts';
import type { AppendixSubmissionRequest } from '../../model/leaders/leaders.ts';
import { LEADER_UNIT_KINDS } from '../../model/directory/unit-kinds.ts';
import type { UnitStandingSummary } from '../../model/leaders/leaders.ts';
import type { ActivityDeps } from '../deps.ts';
import { sendOnce } from '../mail-once.ts';

export type UnitYearRef = { unitId: string; year: number; quotas: Quotas; utcOffsetMinutes: number };

export function createQuotaTrackerActivities({ prisma, mailer, clock }: ActivityDeps) {
  const unitWithLeaders = async (unitId: string) => {
    const unit = await prisma.orgUnit.findUnique({
      where: { id: unitId },
      include: { leaders: { where: { active: true }, orderBy: [{ rank: 'asc' }, { name: 'asc' }] } },
    });
    if (!unit) throw ApplicationFailure.nonRetryable(`no unit ${unitId}`, 'InvalidInput');
    return unit;
  };
  const summarize = (leaders: Array<{ id: string; name: string; rank: 'principal' | 'team_member' }>, records: LeaderYearRecord[]) =>
    ({
      computedAt: clock.now().toISOString(),
      leaders: leaders.map((l, i) => {
        const { standing } = records[i]!;
        return { leaderId: l.id, name: l.name, rank: l.rank, behind: standing.behind, done: standing.done, missing: standing.missing };
      }),
    }) satisfies UnitStandingSummary;

  return {
    /** Units and leadership bodies with active leaders: each gets a quota tracker for the year. */
    async listUnitsWithLeaders() {
      const units = await prisma.orgUnit.findMany({
        where: { kind: { in: [...LEADER_UNIT_KINDS] }, leaders: { some: { active: true } } },
        select: { id: true },
        orderBy: { code: 'asc' },
      });
      return units.map((u) => u.id);
    },

    /** What each of the unit's leaders has done this year and what is missing, counted now. */
    async unitYearStanding(ref: UnitYearRef): Promise<UnitStandingSummary> {
      const unit = await unitWithLeaders(ref.unitId);
      return summarize(unit.leaders, await countYear(prisma, unit.leaders, ref.year, ref));
    },

    /** Mails the unit the principal leaders who are behind (once per reminder day), if there are any. */
    async remindLeadersBehind(ref: UnitYearRef & { date: string; idempotencyKey: string }) {
      const unit = await unitWithLeaders(ref.unitId);
      const records = await countYear(prisma, unit.leaders, ref.year, ref);
      const behind = unit.leaders.map((leader, i) => ({ leader, record: records[i]! })).filter((x) => x.record.standing.behind);
      if (behind.length > 0 && unit.email) {
        await sendOnce({ prisma, mailer, clock }, ref.idempotencyKey, {
          to: [unit.email],
          subject: `Four leads ${ref.year}: ${behind.length} leader(s) behind (${ref.year}-${ref.date})`,
          text: [
            `${unit.name}: these principal leaders have not yet done everything the notice asks of them in ${ref.year}.`,
            'Only activities confirmed by the street or park they report to are counted.',
            '',
            ...behind.map(({ leader, record }) => `- ${leader.name} (${leader.post}): still ${describeMissing(record.standing.missing)}`),
          ].join('\n'),
        });
      }
      return { leaderIds: behind.map((b) => b.leader.id), standing: summarize(unit.leaders, records) };
    },

    /** A unit's Appendix 1 and 2 for a half-year, frozen as they stand now and recorded once. */
    async recordAppendixSubmission(input: AppendixSubmissionRequest & { cycle: string; districtId: string; late: boolean }) {
      return recordAppendixSubmission(prisma, { ...input, at: clock.now() });
    },

    /** Records every active leader's final standing for the year; a repeat keeps the first record. */
    async freezeYearStanding(ref: UnitYearRef): Promise<UnitStandingSummary> {
      const unit = await unitWithLeaders(ref.unitId);
      return summarize(unit.leaders, await freezeYear(prisma, unit.leaders, ref.year, ref, clock.now()));
    },
  };
}
