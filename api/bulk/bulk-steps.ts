import { getBulkJob, matchingSelection, startBulkStep } from '../../domain/bulk/bulk-jobs.ts';
import { caseFilterOfQuery } from '../cases/cases.ts';
import { caseFilterQuery } from '../cases/cases.schemas.ts';
import { bulkStepRequest } from '../../model/bulk/bulk-request.ts';
import { BULK_STEPS } from '../../model/bulk/bulk-steps.ts';
import { rolesFor } from '../../model/cases/lifecycle.ts';
import type { AppDeps } from '../deps.ts';
import { errorBody, errorResponses } from '../errors.schemas.ts';
import { idempotencyHeaders } from '../idempotency.ts';
import { defineRoute } from '../route.ts';
import { bulkJobParams, bulkJobView, bulkSelectionView } from './bulk-steps.schemas.ts';

const bulkDepsOf = (deps: AppDeps) => ({
  prisma: deps.prisma,
  temporal: deps.temporal,
  clock: deps.clock,
  utcOffsetMinutes: deps.config.districtTime.utcOffsetMinutes,
});

/** Whoever may take one of the bulk steps; the domain checks the step asked for against the table. */
const BULK_ROLES = [...new Set(BULK_STEPS.flatMap((step) => rolesFor(step)))];

export const bulkStepRoutes = [
  defineRoute({
    method: 'post',
    path: '/bulk-steps',
    operationId: 'startBulkStep',
    tag: 'bulk',
    summary:
      'Apply one step (take, assign to a colleague, note, forward, return, reject, submit) to selected cases, or to all a GET /cases filter finds (at most 500): each case as its own Update, refused or done on its own. Runs as a workflow; poll the job for each case’s outcome. The same Idempotency-Key answers the same job and never acts twice on a case.',
    authenticated: true,
    roles: BULK_ROLES,
    schemas: { body: bulkStepRequest, headers: idempotencyHeaders },
    responses: {
      202: { description: 'Started (or started before with this Idempotency-Key): the job as it stands', schema: bulkJobView },
      ...errorResponses,
      409: { description: 'The Idempotency-Key was used for a different bulk step', schema: errorBody },
    },
    handler: async ({ body, headers, user, deps }) => {
      const { job } = await startBulkStep(bulkDepsOf(deps), user, body, headers['idempotency-key']);
      return { status: 202, body: job, headers: { Location: `/bulk-steps/${job.id}` } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/bulk-steps/matching',
    operationId: 'bulkStepMatching',
    tag: 'bulk',
    summary:
      'What a bulk step over all cases a GET /cases filter finds would be: how many the caller sees (at most 500 in one step), and the bulk steps the transition table lets the caller take from a status some of them are in.',
    authenticated: true,
    roles: BULK_ROLES,
    schemas: { query: caseFilterQuery },
    responses: { 200: { description: 'The count and the steps offered', schema: bulkSelectionView }, ...errorResponses },
    handler: async ({ query, user, deps }) => ({
      status: 200,
      body: await matchingSelection(bulkDepsOf(deps), user, caseFilterOfQuery(query)),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/bulk-steps/:id',
    operationId: 'getBulkStep',
    tag: 'bulk',
    summary:
      'A bulk step’s progress (done, refused, pending) and each case’s outcome with the reason for a refusal; for the one who started it and their unit (404 for anyone else).',
    authenticated: true,
    schemas: { params: bulkJobParams },
    responses: { 200: { description: 'The job', schema: bulkJobView }, ...errorResponses },
    handler: async ({ params, user, deps }) => ({ status: 200, body: await getBulkJob(deps, user, params.id) }),
  }),
];
