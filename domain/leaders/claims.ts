import type { Client } from '@temporalio/client';
import type { Case, OrgUnit } from '../../generated/prisma/client.ts';
import { Prisma, type Db } from '../../lib/db.ts';
import { pageOf, type Page } from '../../lib/paging.ts';
import { DomainError, invalidField, notFound } from '../../lib/errors.ts';
import { isCompletedProject, refuseClaim } from '../../model/leaders/claims.ts';
import { parseCaseDetails } from '../../model/cases/case-details.ts';
import { PROJECT_MOVES, refuseUpdate, updateRule } from '../../model/cases/lifecycle.ts';
import type { Role } from '../../model/directory/roles.ts';
import { claimProjectUpdate, workflowIdForCase } from '../../workflows/definitions.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { requireRole } from '../cases/scope.ts';
import { runUpdate, updateIdFor } from '../workflow-calls.ts';

type ClaimDeps = { prisma: Db; temporal: Client };

/**
 * "Lead in helping": a unit with a leader at its head claims an unclaimed public-service project of
 * its district, and names the leader who leads it. The claiming unit is not the filer: it sees the
 * projects it may claim and those it claimed, as below, never the rest of another unit's ledger.
 */
export function toProjectView(row: Case & { filingUnit: OrgUnit }, role: Role) {
  const details = parseCaseDetails(row.details);
  // The claim step, when the case's table and the claim rule both let the caller's role take it now.
  const claimable = refuseClaim(row.kind, details) === undefined && refuseUpdate('claim', row.status, role) === undefined;
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
    allowedActions: claimable ? [...PROJECT_MOVES] : [],
  };
}

async function districtOf(prisma: Db, user: AuthenticatedUser) {
  const unit = await prisma.orgUnit.findUnique({ where: { id: user.orgUnitId } });
  if (!unit?.parentId)
    throw new DomainError('forbidden', { zh: '只有区属单位可以认领本区的公益项目', en: 'only units of a district claim its projects' });
  return { unit, districtId: unit.parentId };
}

export async function claimProject(deps: ClaimDeps, user: AuthenticatedUser, caseId: string, leaderId: string, idempotencyKey?: string) {
  requireRole(user, ['street_staff']);
  const { unit, districtId } = await districtOf(deps.prisma, user);
  const row = await deps.prisma.case.findFirst({
    where: { id: caseId, kind: 'unclaimed_project', filingUnit: { parentId: districtId } },
    include: { filingUnit: true },
  });
  if (!row) throw notFound('unclaimed public-service project');
  const leader = await deps.prisma.leader.findFirst({ where: { id: leaderId, unitId: unit.id, active: true } });
  if (!leader) throw invalidField('body.leaderId', { zh: '不是本单位在任的领导', en: 'not an active leader of your unit' });
  const refusal = refuseClaim(row.kind, parseCaseDetails(row.details));
  if (refusal) throw new DomainError('invalid_transition', refusal);
  const updateId = updateIdFor('claim', user.id, idempotencyKey, { caseId, leaderId });
  await runUpdate(() =>
    deps.temporal.workflow.getHandle(workflowIdForCase(caseId)).executeUpdate(claimProjectUpdate, {
      ...(updateId ? { updateId } : {}),
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
  return toProjectView(await deps.prisma.case.findUniqueOrThrow({ where: { id: caseId }, include: { filingUnit: true } }), user.role);
}

/**
 * The district's open unclaimed projects nobody has claimed yet, numbered in order: a claim lives in
 * the case's details (`details.claim`), which only SQL can ask to be absent.
 */
const claimableCondition = (districtId: string) => Prisma.sql`
  c.kind = 'unclaimed_project' AND c.status::text = ANY(${[...updateRule('claim').from]}::text[]) AND c.details->'claim' IS NULL
  AND c.filing_unit_id IN (SELECT id FROM org_units WHERE parent_id = ${districtId}::uuid)`;

/** The claimable projects' case ids of one page, in number order, and how many there are. */
function claimablePage(prisma: Db, districtId: string, page: Page) {
  return pageOf(
    page,
    async () =>
      (
        await prisma.$queryRaw<Array<{ total: number }>>`SELECT count(*)::int AS total FROM cases c WHERE ${claimableCondition(districtId)}`
      )[0]?.total ?? 0,
    async ({ limit, offset }) =>
      (
        await prisma.$queryRaw<Array<{ id: string }>>`
          SELECT c.id FROM cases c WHERE ${claimableCondition(districtId)} ORDER BY c.number LIMIT ${limit} OFFSET ${offset}`
      ).map((r) => r.id),
  );
}

/**
 * The district's open projects nobody has claimed yet, or the projects the caller's unit claimed
 * (those completed counting for the leader who led them), a page at a time with the total.
 */
export async function listProjects(deps: ClaimDeps, user: AuthenticatedUser, state: 'claimable' | 'claimed', page: Page) {
  requireRole(user, ['street_staff']);
  const { districtId } = await districtOf(deps.prisma, user);
  const include = { filingUnit: true } as const;
  if (state === 'claimable') {
    const { items: ids, ...rest } = await claimablePage(deps.prisma, districtId, page);
    const rows = await deps.prisma.case.findMany({ where: { id: { in: ids } }, include, orderBy: { number: 'asc' } });
    return { ...rest, items: rows.map((r) => toProjectView(r, user.role)) };
  }
  const where = { details: { path: ['claim', 'unitId'], equals: user.orgUnitId } };
  const { items, ...rest } = await pageOf(
    page,
    () => deps.prisma.case.count({ where }),
    ({ limit, offset }) => deps.prisma.case.findMany({ where, include, orderBy: { number: 'asc' }, skip: offset, take: limit }),
  );
  return { ...rest, items: items.map((r) => toProjectView(r, user.role)) };
}
