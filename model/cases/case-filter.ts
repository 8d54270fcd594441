import { z } from 'zod';
import { boundedDate } from '../dates.ts';
import { lineText } from '../text.ts';
import { CASE_KINDS } from './filing.ts';
import { CASE_STATUSES } from './lifecycle.ts';

/** The orders a list can come in: newest filed first (the ledger), or the work queues' order. */
export const CASE_LIST_SORTS = ['newest', 'due'] as const;
export type CaseListSort = (typeof CASE_LIST_SORTS)[number];
/** Whose case it is inside the level holding it: the caller's, nobody's (or, by id, a named user's). */
export const OWNER_FILTERS = ['me', 'none'] as const;

/**
 * The filters and sort of `GET /cases` as a saved view keeps them (JSON, not the query string's text):
 * `me` and `held` mean the viewer, so a view shared with the unit is each colleague's own list.
 * A Zod module: workflow code never imports it.
 */
export const savedCaseFilter = z.strictObject({
  unit: z.uuid().optional(),
  status: z.array(z.enum(CASE_STATUSES)).min(1).max(CASE_STATUSES.length).optional(),
  kind: z.enum(CASE_KINDS).optional(),
  urgent: z.boolean().optional(),
  overdue: z.boolean().optional(),
  owner: z.union([z.enum(OWNER_FILTERS), z.uuid()]).optional(),
  held: z.boolean().optional(),
  filedFrom: boundedDate.optional(),
  filedTo: boundedDate.optional(),
  q: lineText(200, 2).optional(),
  sort: z.enum(CASE_LIST_SORTS).optional(),
});
export type SavedCaseFilter = z.infer<typeof savedCaseFilter>;
