import type { Client } from '@temporalio/client';
import type { Case, OrgUnit } from '../../generated/prisma/client.ts';
import type { Db } from '../../lib/db.ts';
import { DomainError, invalidField, notFound } from '../../lib/errors.ts';
import { isCompletedProject, refuseClaim } from '../../model/leaders/claims.ts';
import { parseCaseDetails } from '../../model/cases/case-details.ts';
import { updateRule } from '../../model/cases/lifecycle.ts';
import { claimProjectUpdate, workflowIdForCase } from '../../workflows/definitions.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { requireRole } from '../cases/scope.ts';
import { runUpdate } from '../workflow-calls.ts';

type ClaimDeps = { prisma: Db; temporal: Client };

/**
 * "Lead in helping": a unit with a leader at its head claims an unclaimed public-service project of
 * its district, and names the leader who leads it. The claiming unit is not the filer: it sees the
 * projects it may claim and those it claimed, as below, never the rest of another unit's ledger.
 */
export function toProjectView(row: Case & { filingUnit: OrgUnit }) {
  const details = parseCaseDetails(row.details);
  return {
    id: row.id,
    number: row.number,
    title: row.title,
    category: row.category,
    location: row.location,
    status: row.status,
    filingUnit: { id: row.filingUnit.id, name: row.filingUnit.name },
    filedAt: row.filedAt.toISOString(),
    closedAt: row.closedAt?.toISOString() ?? null,
    claim: details.claim ?? null,
    /** Counts for the leader who led it. */
    completed: isCompletedProject(row.status, details),
  };
}

async function districtOf(prisma: Db, user: AuthenticatedUser) {
  const unit = await prisma.orgUnit.findUnique({ where: { id: user.orgUnitId } });
  if (!unit?.parentId) throw new DomainError('forbidden', 'only units of a district claim its projects');
  return { unit, districtId: unit.parentId };
}

export async function claimProject(deps: ClaimDeps, user: AuthenticatedUser, caseId: string, leaderId: string) {
  requireRole(user, ['street_staff']);
  const { unit, districtId } = await districtOf(deps.prisma, user);
  const row = await deps.prisma.case.findFirst({
    where: { id: caseId, kind: 'unclaimed_project', filingUnit: { parentId: districtId } },
    include: { filingUnit: true },
  });
  if (!row) throw notFound('unclaimed public-service project');
  const leader = await deps.prisma.leader.findFirst({ where: { id: leaderId, unitId: unit.id, active: true } });
  if (!leader) throw invalidField('body.leaderId', 'not an active leader of your unit');
  const refusal = refuseClaim(row.kind, parseCaseDetails(row.details));
  if (refusal) throw new DomainError('invalid_transition', refusal);
  await runUpdate(() =>
    deps.temporal.workflow.getHandle(workflowIdForCase(caseId)).executeUpdate(claimProjectUpdate, {
      args: [
        {
          actor: { userId: user.id, role: user.role, orgUnitId: user.orgUnitId },
          leaderId,
          leaderName: leader.name,
          unitName: unit.name,
        },
      ],
    }),
  );
  return toProjectView(await deps.prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { filingUnit: true } }));
}

/** The district's open projects nobody has claimed yet, or the projects the caller's unit claimed. */
export async function listProjects(deps: ClaimDeps, user: AuthenticatedUser, state: 'claimable' | 'claimed') {
  requireRole(user, ['street_staff']);
  const { districtId } = await districtOf(deps.prisma, user);
  const rows = await deps.prisma.case.findMany({
    where:
      state === 'claimed'
        ? { details: { path: ['claim', 'unitId'], equals: user.orgUnitId } }
        : { kind: 'unclaimed_project', status: { in: [...updateRule('claim').from] }, filingUnit: { parentId: districtId } },
    include: { filingUnit: true },
    orderBy: { number: 'asc' },
    take: 500,
  });
  const items = rows.map(toProjectView);
  return { items: state === 'claimed' ? items : items.filter((p) => p.claim === null) };
}
