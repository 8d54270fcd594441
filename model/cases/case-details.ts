import { z } from 'zod';
import { LEVELS, describeOutcome, type PrimaryOutcome, type Resolution } from './outcome.ts';

const resolutionSchema = z.object({
  level: z.enum(LEVELS),
  text: z.string(),
  solved: z.boolean(),
  referTo: z.string().optional(),
}) satisfies z.ZodType<Resolution>;

/** How a primary case ended, as its merged duplicates carry it (the type lives in outcome.ts, free of Zod). */
const primaryOutcomeSchema = z.object({
  caseId: z.string(),
  /** The primary's ledger number, when the merge knew it (older merges did not record it). */
  number: z.number().int().optional(),
  status: z.enum(['closed', 'rejected']),
  resolution: resolutionSchema.optional(),
  rejectionReason: z.string().optional(),
}) satisfies z.ZodType<PrimaryOutcome>;

/** Everything the ledger row shows besides the filing itself: the `details` JSON column, read back through this schema. */
const caseDetailsSchema = z.object({
  districtSummary: z.string().optional(),
  coordinatingBody: z.string().optional(),
  resolution: resolutionSchema.optional(),
  rejectionReason: z.string().optional(),
  questions: z.string().optional(),
  feedback: z.object({ satisfied: z.boolean(), reason: z.string().optional() }).optional(),
  mergedIntoCaseId: z.string().optional(),
  mergedIntoNumber: z.number().int().optional(),
  /** A merged duplicate closes with its primary's result. */
  primaryOutcome: primaryOutcomeSchema.optional(),
  duplicateCaseIds: z.array(z.string()).optional(),
  closedBecause: z.enum(['reporter_satisfied', 'no_answer', 'primary_closed']).optional(),
  /** The half-year whose ledger carried the case to the district. */
  cycle: z.string().optional(),
  reopenCount: z.number().int().optional(),
  /** An unclaimed public-service project claimed by a unit, led by one of its leaders; counts for that leader once closed as solved. */
  claim: z
    .object({
      unitId: z.string(),
      unitName: z.string(),
      leaderId: z.string(),
      leaderName: z.string(),
      claimedAt: z.string(),
      claimedByUserId: z.string(),
    })
    .optional(),
});
export type CaseDetails = z.output<typeof caseDetailsSchema>;

/** The `details` column as stored; a row written by any version of the workflow parses. */
export const parseCaseDetails = (json: unknown): CaseDetails => caseDetailsSchema.parse(json);

/** A case's result as people read it: its own resolution, or its primary's when it was merged. */
export function resultText(details: CaseDetails, lang: 'zh' | 'en' = 'en'): string | undefined {
  if (details.primaryOutcome) return describeOutcome(details.primaryOutcome, lang);
  const { resolution } = details;
  if (!resolution) return undefined;
  const referTo = lang === 'zh' ? `（转：${resolution.referTo}）` : ` (turn to: ${resolution.referTo})`;
  return `${resolution.text}${resolution.referTo ? referTo : ''}`;
}
