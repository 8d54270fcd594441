import { z } from 'zod';
import { boundedHalfYear } from '../../model/dates.ts';
import { errorBody, errorResponses } from '../errors.schemas.ts';
import { plainText } from '../../model/text.ts';

export const cycleParams = z.strictObject({ cycle: boundedHalfYear });
export const approveBody = z.strictObject({ note: plainText(3000).optional() });

export const cycleView = z.object({
  cycle: z.string(),
  districtId: z.uuid(),
  phase: z.enum(['open', 'awaiting_review', 'chasing', 'closed']),
  opensAt: z.iso.datetime(),
  deadlineAt: z.iso.datetime(),
  submissions: z.array(
    z.object({
      unitId: z.uuid(),
      submittedAt: z.iso.datetime(),
      caseCount: z.number().int(),
      late: z.boolean(),
      cases: z
        .array(z.object({ id: z.uuid(), number: z.number().int(), title: z.string() }))
        .describe('The cases the submission carried to the district'),
    }),
  ),
  lateUnitIds: z.array(z.string()),
  notSubmittedUnitIds: z
    .array(z.uuid())
    .describe('The district’s filing units that have not submitted this half-year’s ledger (for a filing unit: itself, until it has)'),
  summary: z.unknown().nullable(),
  reviewNote: z.string().nullable(),
  forwardedCaseIds: z.array(z.string()),
});

export const openedCyclesView = z.object({
  cycle: z.string(),
  workflowId: z.string(),
  started: z.array(z.string()).describe('districts whose cycle this call started'),
  alreadyOpened: z.array(z.string()).describe('districts whose cycle was opened before'),
});
export const pendingLedgerView = z.object({
  cases: z.array(z.object({ id: z.uuid(), number: z.number().int(), title: z.string(), category: z.string(), filedAt: z.iso.datetime() })),
});
export const submissionView = z.object({ cycle: z.string(), caseIds: z.array(z.uuid()), late: z.boolean() });

/** The answers to a unit's submission to its district's cycle (its ledger, its leaders' appendices). */
export const submissionResponses = (submitted: z.ZodType) => ({
  200: { description: 'Submitted', schema: submitted },
  ...errorResponses,
  409: { description: 'Already submitted, or no such cycle open', schema: errorBody },
});
