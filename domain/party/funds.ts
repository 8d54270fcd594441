import { randomUUID } from 'node:crypto';
import { invalidField, notFound } from '../../lib/errors.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { visibleCaseFilter } from '../cases/scope.ts';
import { keepsCommunities } from '../../model/directory/unit-kinds.ts';
import { dateOnly, type FundingAction } from '../../model/party/vocabulary.ts';
import { assertNotFuture, callerStreetOrPark, type PartyDeps } from './scope.ts';

export type FundInput = { amount: number; purpose: string; approvedBy: string; approvedOn: string };

/** A public-service project of the caller's own ledger, funded from its community party organization's service funds. */
export async function recordFunding(deps: PartyDeps, user: AuthenticatedUser, caseId: string, input: FundInput) {
  const unit = await callerStreetOrPark(deps.prisma, user);
  const project = await deps.prisma.case.findFirst({ where: { AND: [{ id: caseId, filingUnitId: unit.id }, visibleCaseFilter(user)] } });
  if (!project) throw notFound('case');
  if (project.kind !== 'unclaimed_project')
    throw invalidField('params.id', {
      zh: '只有公益项目可以使用服务经费',
      en: 'only public-service projects are funded from the service funds',
    });
  assertNotFuture(deps, input.approvedOn, 'body.approvedOn');
  await deps.prisma.serviceFund.create({
    data: {
      id: randomUUID(),
      caseId,
      unitId: unit.id,
      amountCents: Math.round(input.amount * 100),
      purpose: input.purpose,
      approvedBy: input.approvedBy,
      approvedOn: new Date(input.approvedOn),
      recordedByUserId: user.id,
    },
  });
  return caseFunding(deps, user, caseId);
}

/** Funding the caller may record: on a public-service project of their own street's or park's ledger (as `recordFunding` checks). */
const fundingActions = (
  project: { kind: string; filingUnitId: string; filingUnit: { kind: string } },
  user: AuthenticatedUser,
): FundingAction[] =>
  user.role === 'street_staff' &&
  project.filingUnitId === user.orgUnitId &&
  keepsCommunities(project.filingUnit.kind) &&
  project.kind === 'unclaimed_project'
    ? ['record']
    : [];

/** What the service funds gave a case: shown to everyone who may see the case, with what the caller may add. */
export async function caseFunding(deps: PartyDeps, user: AuthenticatedUser, caseId: string) {
  const visible = await deps.prisma.case.findFirst({
    where: { AND: [{ id: caseId }, visibleCaseFilter(user)] },
    select: { kind: true, filingUnitId: true, filingUnit: { select: { kind: true } } },
  });
  if (!visible) throw notFound('case');
  const rows = await deps.prisma.serviceFund.findMany({ where: { caseId }, orderBy: { createdAt: 'asc' } });
  return {
    caseId,
    allowedActions: fundingActions(visible, user),
    totalAmount: rows.reduce((sum, r) => sum + r.amountCents, 0) / 100,
    items: rows.map((r) => ({
      id: r.id,
      amount: r.amountCents / 100,
      purpose: r.purpose,
      approvedBy: r.approvedBy,
      approvedOn: dateOnly(r.approvedOn),
      recordedAt: r.createdAt.toISOString(),
    })),
  };
}
