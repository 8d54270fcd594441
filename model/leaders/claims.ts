import type { CaseKind } from '../cases/filing.ts';
import type { CaseDetails } from '../cases/case-details.ts';
import type { CaseStatus } from '../cases/lifecycle.ts';
import type { Words } from '../lifecycle.ts';

/**
 * Why a case cannot be claimed (the Update's validator and the API ask the same), or undefined.
 * Kept apart from the Zod schemas of model/cases/case-actions.ts: workflow code evaluates its imports
 * again for every workflow it starts, and building Zod there cost most of a filing's worker time.
 */
export function refuseClaim(kind: CaseKind, details: CaseDetails): Words | undefined {
  if (kind !== 'unclaimed_project')
    return { zh: '只有无人认领的公益项目可以认领', en: 'only an unclaimed public-service project can be claimed' };
  if (details.claim) return { zh: `已由${details.claim.unitName}认领`, en: `already claimed by ${details.claim.unitName}` };
  return undefined;
}

/**
 * When a claimed public-service project counts for the leader who led it ("completes at least 1
 * public-service project"): closed, with its own result solved. Not one closed as unsolvable, and
 * not a duplicate merged into another case, even one that was solved: its result is the primary's,
 * led (and counted) by whoever led that one. The one definition: the TypeScript check below and the
 * SQL condition the year's counts use (domain/leaders/records.ts) are both written from these values.
 */
export const COMPLETED_PROJECT = { status: 'closed', ownResultSolved: true } as const satisfies {
  status: CaseStatus;
  ownResultSolved: boolean;
};

export const isCompletedProject = (status: CaseStatus, details: Pick<CaseDetails, 'resolution'>): boolean =>
  status === COMPLETED_PROJECT.status && details.resolution?.solved === COMPLETED_PROJECT.ownResultSolved;
