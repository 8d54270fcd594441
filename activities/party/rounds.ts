import { ApplicationFailure } from '@temporalio/activity';
import { refusedValue, type Db, type Prisma } from '../../lib/db.ts';
import { LEDGER_REFUSAL, workflowIdForRound } from '../../workflows/definitions.ts';
import type { RoundNotice } from '../../model/party/round-lifecycle.ts';
import type { Nomination, RoundEventRecord, RoundIdentity, RoundSnapshot } from '../../model/party/rounds.ts';
import type { ActivityDeps } from '../deps.ts';
import { sendOnce } from '../mail-once.ts';
import { partyAddress } from './feedback.ts';

/** The notices mailed by `sendRoundNotice`; the home units are informed by `informHomeUnits`. */
type RoundMail = Exclude<RoundNotice, 'home_units_informed'>;
type ProjectRoundEventInput = { round: RoundIdentity; event: RoundEventRecord };

const nominationRow = (roundId: string, n: Nomination) => ({
  roundId,
  subjectKey: n.subjectKey,
  memberId: n.kind === 'member' ? n.subjectId : null,
  branchId: n.kind === 'branch' ? n.subjectId : null,
  sources: n.sources,
  reasons: n.reasons as Prisma.InputJsonObject,
  shortlisted: n.shortlisted,
  selected: n.selected,
});

/**
 * One event of a round, in one transaction: the round row is created with its first event or moved
 * forward to this one, and only if it moved are the event row and the event's change to the
 * nominations written. The row only moves forward, so a retried or replayed projection changes nothing.
 */
async function writeRoundEvent(prisma: Db, { round, event }: ProjectRoundEventInput) {
  const { row } = event;
  const at = (iso: string | null) => (iso === null ? null : new Date(iso));
  await prisma.$transaction(async (tx) => {
    const moved = await tx.$queryRaw<Array<{ id: string }>>`
      INSERT INTO recommendation_rounds AS r (id, year, unit_id, district_id, workflow_id, submit_by, phase, registered_count, quota,
        submitted_at, late, decision_note, return_reason, approved_at, version)
      VALUES (${round.roundId}, ${round.year}, ${round.unitId}::uuid, ${round.districtId}::uuid,
        ${workflowIdForRound(round.year, round.unitId)}, ${new Date(round.submitByAt)}, ${row.phase}::"RoundPhase",
        ${row.registeredCount}, ${row.quota}, ${at(row.submittedAt)}, ${row.late}, ${row.decisionNote}, ${row.returnReason},
        ${at(row.approvedAt)}, ${event.sequence})
      ON CONFLICT (id) DO UPDATE SET
        phase = EXCLUDED.phase, registered_count = EXCLUDED.registered_count, quota = EXCLUDED.quota,
        submitted_at = EXCLUDED.submitted_at, late = EXCLUDED.late, decision_note = EXCLUDED.decision_note,
        return_reason = EXCLUDED.return_reason, approved_at = EXCLUDED.approved_at, version = EXCLUDED.version
      WHERE r.version < EXCLUDED.version
      RETURNING r.id`;
    if (moved.length === 0) return;
    const { nomination, shortlisted, selected } = event;
    await tx.recommendationRoundEvent.create({
      data: {
        roundId: round.roundId,
        sequence: event.sequence,
        type: event.type,
        actorUserId: event.actor?.userId ?? null,
        actorRole: event.actor?.role ?? null,
        fromPhase: event.fromPhase,
        toPhase: event.toPhase,
        comment: event.comment,
        data: { ...(nomination ? { nomination } : {}), ...(shortlisted ? { shortlisted } : {}), ...(selected ? { selected } : {}) },
        occurredAt: new Date(event.occurredAt),
      },
    });
    if (nomination) {
      const written = nominationRow(round.roundId, nomination);
      await tx.recommendationNomination.upsert({
        where: { roundId_subjectKey: { roundId: round.roundId, subjectKey: nomination.subjectKey } },
        create: written,
        update: written,
      });
    }
    if (shortlisted)
      await tx.$executeRaw`UPDATE recommendation_nominations SET shortlisted = (subject_key = ANY(${shortlisted}::text[])) WHERE round_id = ${round.roundId}`;
    if (selected)
      await tx.$executeRaw`UPDATE recommendation_nominations SET selected = (subject_key = ANY(${selected}::text[])) WHERE round_id = ${round.roundId}`;
  });
}

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

    /**
     * Writes one event of a round and the round row as it leaves it. Safe to run any number of times
     * (keyed by round and sequence; the row only moves forward). A value the database refuses is
     * refused for good: retrying it would hold the round, and the Update waiting for it, forever.
     */
    async projectRoundEvent(input: ProjectRoundEventInput) {
      try {
        await writeRoundEvent(prisma, input);
      } catch (error) {
        const refusal = refusedValue(error);
        if (refusal) throw ApplicationFailure.nonRetryable(`the round refuses this event: ${refusal}`, LEDGER_REFUSAL);
        throw error;
      }
    },

    /**
     * Writes the round as the workflow holds it; a projection older than the stored one is ignored.
     * Only rounds started before rounds recorded events (patch `round-records-events`) still call it.
     */
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
        await tx.recommendationNomination.createMany({ data: s.nominations.map((n) => nominationRow(s.roundId, n)) });
      });
    },

    async sendRoundNotice(input: { roundId: string; notice: RoundMail; idempotencyKey: string }) {
      const { round, unit, district } = await loadRound(input.roundId);
      const selected = round.nominations.filter((n) => n.selected).length;
      const mails: Record<RoundMail, { to: Array<string | null>; subject: string; text: string }> = {
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
