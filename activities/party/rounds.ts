import { ApplicationFailure } from '@temporalio/activity';
import type { Prisma } from '../../lib/db.ts';
import { workflowIdForRound } from '../../workflows/definitions.ts';
import type { RoundSnapshot } from '../../model/party/rounds.ts';
import type { ActivityDeps } from '../deps.ts';
import { sendOnce } from '../mail-once.ts';
import { partyAddress } from './feedback.ts';

export type RoundNotice = 'submitted' | 'returned' | 'reminder';

export function createRoundActivities({ prisma, mailer, clock }: ActivityDeps) {
  const loadRound = async (roundId: string) => {
    const round = await prisma.recommendationRound.findUnique({ where: { id: roundId }, include: { nominations: true } });
    if (!round) throw ApplicationFailure.nonRetryable(`no recommendation round ${roundId}`, 'InvalidInput');
    const [unit, district] = await Promise.all([
      prisma.orgUnit.findUniqueOrThrow({ where: { id: round.unitId } }),
      prisma.orgUnit.findUniqueOrThrow({ where: { id: round.districtId } }),
    ]);
    return { round, unit, district };
  };

  return {
    /** The members registered with the street/park when its round opens; the same answer if asked again. */
    async openRecommendationRound(input: { year: number; unitId: string }) {
      const existing = await prisma.recommendationRound.findUnique({ where: { year_unitId: { year: input.year, unitId: input.unitId } } });
      if (existing) return { registeredCount: existing.registeredCount };
      return { registeredCount: await prisma.memberRegistration.count({ where: { unitId: input.unitId, status: 'active' } }) };
    },

    /** Writes the round as the workflow holds it; a projection older than the stored one is ignored. */
    async projectRecommendationRound(s: RoundSnapshot) {
      await prisma.$transaction(async (tx) => {
        const stored = await tx.recommendationRound.findUnique({ where: { id: s.roundId }, select: { version: true } });
        if (stored && stored.version >= s.version) return;
        const row = {
          phase: s.phase,
          quota: s.quota,
          registeredCount: s.registeredCount,
          submittedAt: s.submittedAt ? new Date(s.submittedAt) : null,
          late: s.late,
          decisionNote: s.decisionNote,
          returnReason: s.returnReason,
          approvedAt: s.approvedAt ? new Date(s.approvedAt) : null,
          version: s.version,
        };
        await tx.recommendationRound.upsert({
          where: { id: s.roundId },
          create: {
            id: s.roundId,
            year: s.year,
            unitId: s.unitId,
            districtId: s.districtId,
            workflowId: workflowIdForRound(s.year, s.unitId),
            submitBy: new Date(s.submitByAt),
            ...row,
          },
          update: row,
        });
        await tx.recommendationNomination.deleteMany({ where: { roundId: s.roundId } });
        await tx.recommendationNomination.createMany({
          data: s.nominations.map((n) => ({
            roundId: s.roundId,
            subjectKey: n.subjectKey,
            memberId: n.kind === 'member' ? n.subjectId : null,
            branchId: n.kind === 'branch' ? n.subjectId : null,
            sources: n.sources,
            reasons: n.reasons as Prisma.InputJsonObject,
            shortlisted: n.shortlisted,
            selected: n.selected,
          })),
        });
      });
    },

    async sendRoundNotice(input: { roundId: string; notice: RoundNotice; idempotencyKey: string }) {
      const { round, unit, district } = await loadRound(input.roundId);
      const selected = round.nominations.filter((n) => n.selected).length;
      const mails: Record<RoundNotice, { to: Array<string | null>; subject: string; text: string }> = {
        submitted: {
          to: [district.email, unit.email],
          subject: `Outstanding party members ${round.year}: ${unit.name} submitted its list (${selected})${round.late ? ' late' : ''}`,
          text: `${unit.name} recommends ${selected} outstanding party member(s) and branch(es) for ${round.year}. Review and approve or return the list.`,
        },
        returned: {
          to: [unit.email],
          subject: `Outstanding party members ${round.year}: the district returned your list`,
          text: `The district returned the list of ${unit.name}: ${round.returnReason ?? ''}. Decide again and resubmit.`,
        },
        reminder: {
          to: [unit.email],
          subject: `Outstanding party members ${round.year}: submit your list by ${round.submitBy.toISOString().slice(0, 10)}`,
          text: `${unit.name} has not yet submitted its recommendation of outstanding party members and branches for ${round.year}.`,
        },
      };
      const mail = mails[input.notice];
      return sendOnce({ prisma, mailer, clock }, input.idempotencyKey, { ...mail, to: mail.to.filter((e): e is string => Boolean(e)) });
    },

    /** On approval: each home unit of a commended member or branch is told, once. */
    async informHomeUnits(input: { roundId: string; idempotencyPrefix: string }) {
      const { round, unit } = await loadRound(input.roundId);
      const chosen = round.nominations.filter((n) => n.selected);
      const [members, branches] = await Promise.all([
        prisma.partyMember.findMany({
          where: { id: { in: chosen.flatMap((n) => n.memberId ?? []) } },
          select: { name: true, homeUnitId: true },
        }),
        prisma.partyBranch.findMany({
          where: { id: { in: chosen.flatMap((n) => n.branchId ?? []) } },
          select: { name: true, unitId: true },
        }),
      ]);
      const byUnit = new Map<string, string[]>();
      for (const m of members) byUnit.set(m.homeUnitId, [...(byUnit.get(m.homeUnitId) ?? []), `member ${m.name}`]);
      for (const b of branches) byUnit.set(b.unitId, [...(byUnit.get(b.unitId) ?? []), `branch ${b.name}`]);
      const homeUnits = await prisma.orgUnit.findMany({ where: { id: { in: [...byUnit.keys()] } }, orderBy: { code: 'asc' } });
      for (const home of homeUnits) {
        const address = partyAddress(home);
        await sendOnce({ prisma, mailer, clock }, `${input.idempotencyPrefix}:${home.id}`, {
          to: address ? [address] : [],
          subject: `Outstanding party members ${round.year}: recommended by ${unit.name}`,
          text: `The district approved ${unit.name}'s recommendation for the July 1 commendation: ${(byUnit.get(home.id) ?? []).join(', ')}.`,
        });
      }
      return { informed: homeUnits.map((h) => h.id) };
    },
  };
}
