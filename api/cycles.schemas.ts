import { z } from 'zod';
import { errorBody, errorResponses } from './errors.schemas.ts';
import { plainText } from '../model/text.ts';

export const cycleParams = z.strictObject({ cycle: z.string().regex(/^\d{4}-H[12]$/, 'a half-year such as 2026-H2') });
export const approveBody = z.strictObject({ note: plainText(3000).optional() });

export const cycleView = z.object({
  cycle: z.string(),
  districtId: z.uuid(),
  phase: z.enum(['open', 'awaiting_review', 'chasing', 'closed']),
  opensAt: z.iso.datetime(),
  deadlineAt: z.iso.datetime(),
  submissions: z.array(z.object({ unitId: z.uuid(), submittedAt: z.iso.datetime(), caseCount: z.number().int(), late: z.boolean() })),
  lateUnitIds: z.array(z.string()),
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

/** The answers to a unit's submission to its district's cycle (its ledger, its leaders' appendices). */
export const submissionResponses = {
  200: { description: 'Submitted' },
  ...errorResponses,
  409: { description: 'Already submitted, or no such cycle open', schema: errorBody },
};
