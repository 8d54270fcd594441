import { appendixSubmissions, submitAppendices } from '../../domain/leaders/appendix-submissions.ts';
import { appendixSubmissionView, cycleParams, submissionResponses } from '../cycle/cycles.schemas.ts';
import { errorResponses } from '../errors.schemas.ts';
import { defineRoute } from '../route.ts';

export const cycleAppendixRoutes = [
  defineRoute({
    method: 'post',
    path: '/cycles/:cycle/appendices',
    operationId: 'submitAppendices',
    tag: 'leaders',
    summary:
      'A unit or leadership body that keeps leaders submits its Appendix 1 and 2 with the half-year: the figures of the calendar year so far are frozen as submitted (late after the deadline, and recorded so).',
    authenticated: true,
    roles: ['street_staff'],
    schemas: { params: cycleParams },
    responses: submissionResponses(appendixSubmissionView),
    handler: async ({ params, user, deps }) => ({
      status: 200,
      body: await submitAppendices({ prisma: deps.prisma, temporal: deps.temporal, rules: deps.config.leaders }, user, params.cycle),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/cycles/:cycle/appendices',
    operationId: 'listAppendixSubmissions',
    tag: 'leaders',
    summary:
      'The Appendix 1 and 2 submissions of the half-year with their frozen figures: a unit its own, the district all of its district.',
    authenticated: true,
    roles: ['street_staff', 'district_officer'],
    schemas: { params: cycleParams },
    responses: { 200: { description: 'Submissions' }, ...errorResponses },
    handler: async ({ params, user, deps }) => ({ status: 200, body: await appendixSubmissions(deps, user, params.cycle) }),
  }),
];
