import { randomUUID } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import { systemUser } from '../../domain/auth/auth.ts';
import { pendingLedgerOf } from '../../domain/cases/ledger-filters.ts';
import { appendixUnitsOf, districtLeadersSummary } from '../../domain/leaders/appendix-submissions.ts';
import { loadCalendar } from '../../domain/calendar/calendar.ts';
import { caseStatistics } from '../../domain/statistics/statistics.ts';
import type { Db } from '../../lib/db.ts';
import type { HalfYearDeadlines } from '../../lib/half-years.ts';
import { workingDaysBefore } from '../../model/calendar/working-days.ts';
import { cycleRowId, type CyclePhase } from '../../model/cycle/cycle.ts';
import { type Actor } from '../../model/directory/roles.ts';
import { FILING_UNIT_KINDS } from '../../model/directory/unit-kinds.ts';
import { districtDateOf } from '../../lib/district-time.ts';
import { renderCycleNotice, type CycleNotice } from './notices.ts';
import type { ActivityDeps } from '../deps.ts';
import { sendOnce } from '../mail-once.ts';

type CycleRef = { cycle: string; districtId: string };

const pendingCaseIds = async (db: Pick<Db, 'case'>, unitId: string) =>
  (await db.case.findMany({ ...pendingLedgerOf(unitId), select: { id: true } })).map((c) => c.id);

/**
 * A reminder or chase as the cycle sent it, kept once per notice (its mail's key), for the webhook
 * feed to tell the units' and the district's groups: the ledger of "cycle deadlines".
 */
async function recordCycleNotice(
  prisma: Db,
  input: CycleRef & { notice: Extract<CycleNotice, { kind: 'reminder' | 'late' }>; idempotencyKey: string },
  deadlineAt: Date,
  now: Date,
) {
  const { notice } = input;
  await prisma.cycleNotice.createMany({
    data: [
      {
        id: randomUUID(),
        idempotencyKey: input.idempotencyKey,
        cycle: input.cycle,
        districtId: input.districtId,
        kind: notice.kind,
        unitIds: notice.unitIds,
        workingDaysLeft: notice.kind === 'reminder' ? notice.workingDaysLeft : null,
        daysLate: notice.kind === 'late' ? notice.day : null,
        deadlineAt,
        sentAt: now,
      },
    ],
    skipDuplicates: true,
  });
}

export function createCycleActivities({ prisma, mailer, clock, districtTime }: ActivityDeps) {
  const unitsOf = (districtId: string) =>
    prisma.orgUnit.findMany({ where: { parentId: districtId, kind: { in: [...FILING_UNIT_KINDS] } }, orderBy: { code: 'asc' } });

  return {
    /** Opens a district's cycle row (once) and says which units owe a ledger and which already sent one. */
    async openDistrictCycle(input: CycleRef & { workflowId: string; opensAt: string; deadlineAt: string }) {
      const id = cycleRowId(input.cycle, input.districtId);
      const district = await prisma.orgUnit.findUnique({ where: { id: input.districtId } });
      if (!district || district.kind !== 'district')
        throw ApplicationFailure.nonRetryable(`no district ${input.districtId}`, 'InvalidInput');
      const row = await prisma.reportingCycle.upsert({
        where: { id },
        create: {
          id,
          cycle: input.cycle,
          districtId: input.districtId,
          workflowId: input.workflowId,
          opensAt: new Date(input.opensAt),
          deadlineAt: new Date(input.deadlineAt),
        },
        update: {},
        include: { submissions: { select: { unitId: true } } },
      });
      return {
        unitIds: (await unitsOf(input.districtId)).map((u) => u.id),
        submittedUnitIds: row.submissions.map((s) => s.unitId),
        // Leaders' statistics (Appendix 1 and 2) are due with the ledger from units that keep leaders.
        ...(await appendixUnitsOf(prisma, input.cycle, input.districtId)),
      };
    },

    /** Who owes Appendix 1 and 2 now (the units that keep active leaders) and who sent them, asked again as leaders come and go. */
    async appendixUnitsOwing(input: CycleRef) {
      return appendixUnitsOf(prisma, input.cycle, input.districtId);
    },

    /** When the reminders go out: 09:00 local, the given numbers of working days before the deadline. */
    async cycleReminderTimes(input: { deadlineAt: string; reminderWorkingDays: number[]; utcOffsetMinutes: number }) {
      const calendar = await loadCalendar(prisma, null);
      return input.reminderWorkingDays.map((days) => ({
        workingDaysLeft: days,
        at: workingDaysBefore(new Date(input.deadlineAt), days, calendar.exceptions, input.utcOffsetMinutes).toISOString(),
      }));
    },

    /** The regular cases a unit still holds in its own ledger: what its submission will try to carry. */
    async pendingLedgerCases(input: { unitId: string }) {
      return pendingCaseIds(prisma, input.unitId);
    },

    /**
     * Records a unit's submission with the cases it carried (`caseIds`: those that took the move);
     * without them, as cycles started before the moves were Updates did, with the cases still pending.
     * The same answer when repeated.
     */
    async recordLedgerSubmission(input: CycleRef & { actor: Actor; late: boolean; caseIds?: string[] }) {
      const cycleRow = cycleRowId(input.cycle, input.districtId);
      return prisma.$transaction(async (tx) => {
        const existing = await tx.cycleSubmission.findUnique({
          where: { cycleRowId_unitId: { cycleRowId: cycleRow, unitId: input.actor.orgUnitId } },
        });
        if (existing) return { caseIds: existing.caseIds, late: existing.late };
        const caseIds = input.caseIds ?? (await pendingCaseIds(tx, input.actor.orgUnitId));
        await tx.cycleSubmission.create({
          data: {
            cycleRowId: cycleRow,
            unitId: input.actor.orgUnitId,
            submittedByUserId: input.actor.userId,
            submittedAt: clock.now(),
            caseIds,
            late: input.late,
          },
        });
        return { caseIds, late: input.late };
      });
    },

    /**
     * Freezes the cycle at its deadline and combs it: the statistics of the district's cases of the
     * half-year, who submitted on time, late or not at all, and the batch for the city (cases the
     * ledgers brought that are still with the district).
     */
    async summarizeCycle(
      input: CycleRef & {
        lateUnitIds: string[];
        utcOffsetMinutes: number;
        reviewFirst: boolean;
        deadlines: HalfYearDeadlines;
        appendixLateUnitIds?: string[];
      },
    ) {
      const id = cycleRowId(input.cycle, input.districtId);
      const [submissions, units] = await Promise.all([
        prisma.cycleSubmission.findMany({ where: { cycleRowId: id } }),
        unitsOf(input.districtId),
      ]);
      const ledgerCaseIds = submissions.filter((s) => !s.late).flatMap((s) => s.caseIds);
      const batch = await prisma.case.findMany({
        where: { id: { in: ledgerCaseIds }, status: 'district_review' },
        select: { id: true, number: true },
        orderBy: { number: 'asc' },
      });
      const statistics = await caseStatistics(
        prisma,
        systemUser('ledger-cycle'),
        { districtId: input.districtId, cycle: input.cycle, alsoCaseIds: submissions.flatMap((s) => s.caseIds) },
        input.utcOffsetMinutes,
        input.deadlines,
      );
      const name = (unitId: string) => units.find((u) => u.id === unitId)?.name ?? unitId;
      const summary = {
        cycle: input.cycle,
        computedAt: clock.now().toISOString(),
        submittedOnTime: submissions.filter((s) => !s.late).map((s) => ({ unit: name(s.unitId), cases: s.caseIds.length })),
        notSubmitted: input.lateUnitIds.map(name),
        batchForCity: batch.map((c) => c.number),
        statistics: {
          total: statistics.total,
          units: statistics.units,
          breakdown: statistics.breakdown,
          // The first page, with the total; the cases of each come from GET /statistics/repeated-problems/cases.
          repeatedProblems: statistics.repeatedProblems,
        },
        leaders: await districtLeadersSummary(prisma, input.cycle, input.districtId, input.appendixLateUnitIds ?? []),
      };
      await prisma.reportingCycle.update({
        where: { id },
        data: { summary, lateUnitIds: input.lateUnitIds, phase: input.reviewFirst ? 'awaiting_review' : 'chasing' },
      });
      return {
        batchCaseIds: batch.map((c) => c.id),
        text: `${input.cycle}: ${batch.length} case(s) forwarded together after the district's summary`,
      };
    },

    async recordCyclePhase(input: CycleRef & { phase: CyclePhase; forwardedIds?: string[]; reviewNote?: string }) {
      await prisma.reportingCycle.update({
        where: { id: cycleRowId(input.cycle, input.districtId) },
        data: {
          phase: input.phase,
          ...(input.forwardedIds ? { forwardedIds: input.forwardedIds } : {}),
          ...(input.reviewNote !== undefined ? { reviewNote: input.reviewNote } : {}),
        },
      });
    },

    async listDistricts() {
      return (await prisma.orgUnit.findMany({ where: { kind: 'district' }, select: { id: true }, orderBy: { code: 'asc' } })).map(
        (d) => d.id,
      );
    },

    /** One cycle mail: reminders and chasing to the units concerned, submissions and the batch to the district and city. */
    async sendCycleNotice(input: CycleRef & { notice: CycleNotice; idempotencyKey: string }) {
      const [district, cycleRow] = await Promise.all([
        prisma.orgUnit.findUnique({ where: { id: input.districtId }, include: { parent: true } }),
        prisma.reportingCycle.findUnique({ where: { id: cycleRowId(input.cycle, input.districtId) }, select: { deadlineAt: true } }),
      ]);
      if (!district || !cycleRow) throw ApplicationFailure.nonRetryable(`no cycle ${input.cycle} of ${input.districtId}`, 'InvalidInput');
      const n = input.notice;
      const emails = (...addresses: Array<string | null | undefined>) => addresses.filter((e): e is string => Boolean(e));
      const unitEmails = async (ids: string[]) =>
        emails(...(await prisma.orgUnit.findMany({ where: { id: { in: ids } }, select: { email: true } })).map((u) => u.email));
      const recipients = async () => {
        switch (n.kind) {
          case 'reminder':
            return unitEmails(n.unitIds);
          case 'late':
            return [...(await unitEmails(n.unitIds)), ...emails(district.email)];
          case 'ledger_submitted':
            return [...emails(district.email), ...(await unitEmails([n.unitId]))];
          case 'batch_forwarded':
            return emails(district.parent?.email, district.email);
        }
      };
      if (n.kind === 'reminder' || n.kind === 'late')
        await recordCycleNotice(prisma, { ...input, notice: n }, cycleRow.deadlineAt, clock.now());
      const mail = renderCycleNotice(n, {
        cycle: input.cycle,
        // The row's deadline is the first moment of the deadline day, district time.
        deadline: districtDateOf(cycleRow.deadlineAt, districtTime.utcOffsetMinutes),
        districtName: district.name,
      });
      return sendOnce({ prisma, mailer, clock }, input.idempotencyKey, { to: await recipients(), ...mail });
    },
  };
}
