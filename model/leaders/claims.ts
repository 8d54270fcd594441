import type { CaseKind } from '../cases/case.ts';
import type { CaseDetails } from '../cases/case-details.ts';

/**
 * Why a case cannot be claimed (the Update's validator and the API ask the same), or undefined.
 * Kept apart from the Zod schemas of model/cases/case-actions.ts: workflow code evaluates its imports
 * again for every workflow it starts, and building Zod there cost most of a filing's worker time.
 */
export function refuseClaim(kind: CaseKind, details: CaseDetails): string | undefined {
  if (kind !== 'unclaimed_project') return 'only an unclaimed public-service project can be claimed';
  if (details.claim) return `already claimed by ${details.claim.unitName}`;
  return undefined;
}
