import { z } from 'zod';
import { boundedDate } from '../dates.ts';
import { lineText, phoneNumber, plainText } from '../text.ts';
import { coordinatesSchema } from './coordinates.ts';

/**
 * What street staff write when they file a case (one row of Annex 3), with each field's limits, once:
 * the API's filing body, and (the texts only) the edits a resubmission may make. The type is derived.
 * A Zod module: workflow code may import its types only (test/unit/workflows/workflow-imports.test.ts).
 */
/** An unclaimed public-service project (nobody took it on), or a hard problem that cannot be solved locally. */
export const CASE_KINDS = ['unclaimed_project', 'hard_problem'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const caseFiling = z.strictObject({
  kind: z.enum(CASE_KINDS),
  urgent: z.boolean().default(false),
  title: lineText(200, 3),
  description: plainText(5000),
  category: lineText(100),
  location: lineText(300),
  // Not after today in the district: checked by fileCase with the injected clock (a schema cannot read it).
  foundOn: boundedDate,
  triedLocally: plainText(3000),
  helpNeeded: plainText(3000),
  reporter: z.strictObject({
    name: lineText(100),
    contact: phoneNumber().optional(),
    email: z.email().optional(),
  }),
  // The point beside the written place, when the filer gave one; inside the district's bounding box: checked by fileCase, which has the configuration.
  coordinates: coordinatesSchema.optional(),
});
export type CaseFiling = z.output<typeof caseFiling>;

/** What a case returned for information may change when resubmitted: the filing's texts, any of them, with the filing's limits. */
export const filingEdits = caseFiling
  .pick({ title: true, description: true, category: true, location: true, triedLocally: true, helpNeeded: true })
  .partial();
export type FilingEdits = z.output<typeof filingEdits>;
