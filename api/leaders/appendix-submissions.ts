import { appendixSubmissions, submitAppendices } from '../../domain/leaders/appendix-submissions.ts';
import { cycleParams, submissionResponses } from '../cycle/cycles.schemas.ts';
import { appendixSubmissionView, appendixSubmissionsView } from './leaders.schemas.ts';
import { APPENDIX_SUBMISSION_LIFECYCLE as APPENDIX } from '../../model/leaders/appendix-submission.ts';
import { errorResponses } from '../errors.schemas.ts';
import { defineRoute } from '../route.ts';

export const cycleAppendixRoutes = [
  defineRoute({
    method: 'post',
    path: '/cycles/:cycle/appendices',
    operationId: 'submitAppendices',
    tag: 'leaders',
    summary:
      'A unit or leadership body that keeps active leaders now (also one whose first leader came after the cycle opened) submits its Appendix 1 and 2 with the half-year: the figures of the calendar year so far are frozen as submitted (late after the deadline, and recorded so). A unit that keeps no active leaders owes none: 409 `conflict`.',
    authenticated: true,
    roles: APPENDIX.rolesFor('submit'),
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
      'The Appendix 1 and 2 submissions of the half-year with their frozen figures, and the units that still owe them (units that keep active leaders): a unit its own, the district all of its district; each with what the caller may do (a unit submits its own while it owes).',
    authenticated: true,
    roles: ['street_staff', 'district_officer'],
    schemas: { params: cycleParams },
    responses: { 200: { description: 'Submissions, and who still owes them', schema: appendixSubmissionsView }, ...errorResponses },
    handler: async ({ params, user, deps }) => ({ status: 200, body: await appendixSubmissions(deps, user, params.cycle) }),
  }),
];
