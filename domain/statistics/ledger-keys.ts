import type { CaseDetails } from '../../model/cases/case-details.ts';
import type { CaseEventType, CaseStatus } from '../../model/cases/lifecycle.ts';

/**
 * How the statistics group and count a case, as rules on one case: the ledger projection stores
 * their results in `case_facts` at every event, and the statistics aggregate those rows in SQL.
 */

/** "Elm Road 1-40" and "elm road 10-80" are one place: the street without numbers and punctuation. */
export const placeKey = (location: string) =>
  location
    .toLowerCase()
    .replace(/[\p{N}\p{P}\p{S}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** "Streetlights " and "streetlights" are one category. */
export const categoryKey = (category: string) => category.trim().toLowerCase();

/** The events that give a case its first result (working days to a result count to the first). */
export const RESULT_EVENTS: readonly CaseEventType[] = ['solved_at_district', 'resolved_by_municipal', 'declared_unsolvable'];

export type StatisticsOutcome = 'solved_at_district' | 'solved_at_municipal' | 'unsolvable';

/** The result a case counts for while it stands: only while it awaits feedback or is closed. */
export function statisticsOutcome(status: CaseStatus, details: CaseDetails): StatisticsOutcome | null {
  const { resolution } = details;
  if ((status !== 'awaiting_feedback' && status !== 'closed') || !resolution) return null;
  if (!resolution.solved) return 'unsolvable';
  if (resolution.level === 'district') return 'solved_at_district';
  return resolution.level === 'municipal' ? 'solved_at_municipal' : null;
}

/** A merged duplicate, before and after it closed with its primary. */
export const countsAsMerged = (status: CaseStatus, details: CaseDetails) =>
  status === 'merged' || details.closedBecause === 'primary_closed';
