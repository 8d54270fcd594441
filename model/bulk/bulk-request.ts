import { z } from 'zod';
import { bilingual } from '../../lib/errors.ts';
import { ACTION_SCHEMAS } from '../cases/case-actions.ts';
import { savedCaseFilter } from '../cases/case-filter.ts';
import { MAX_BULK_CASES, type BulkStep } from './bulk-steps.ts';

/**
 * A bulk step as the API takes it: the step, its one body (the same schema as the single step's), and
 * the cases, either by id or as "all matching" a `GET /cases` filter (at most MAX_BULK_CASES either way).
 * A Zod module: workflow code never imports it.
 */
const selection = {
  caseIds: z
    .array(z.uuid())
    .min(1)
    .max(MAX_BULK_CASES)
    .optional()
    .describe(`The selected cases, by id (at most ${MAX_BULK_CASES}); each is checked on its own`),
  matching: savedCaseFilter
    .optional()
    .describe(
      `Instead of caseIds: every case the caller sees that GET /cases finds with these filters (as a saved view keeps them), at most ${MAX_BULK_CASES}`,
    ),
};

const stepRequest = <S extends BulkStep>(step: S) => z.strictObject({ step: z.literal(step), body: ACTION_SCHEMAS[step], ...selection });

export const bulkStepRequest = z
  .discriminatedUnion('step', [
    stepRequest('take'),
    stepRequest('assignOwner'),
    stepRequest('note'),
    stepRequest('forward'),
    stepRequest('return'),
    stepRequest('reject'),
    stepRequest('submit'),
  ])
  .refine((request) => (request.caseIds === undefined) !== (request.matching === undefined), {
    message: bilingual({
      zh: '请勾选问题，或选择“全部符合条件的问题”（二者选一）',
      en: 'give either caseIds or matching (one of the two)',
    }),
    path: ['caseIds'],
  });
export type BulkStepRequest = z.output<typeof bulkStepRequest>;
