import { fileCase, getCase, submitCaseToDistrict } from '../domain/cases.ts';
import { errorBody, errorResponses } from './errors.schemas.ts';
import { caseIdParams, caseView, fileCaseBody, idempotencyHeaders, submitCaseBody } from './cases.schemas.ts';
import { defineRoute } from './route.ts';

export const caseRoutes = [
  defineRoute({
    method: 'post',
    path: '/cases',
    tag: 'cases',
    summary: 'File a case for the caller’s own unit. Repeating the Idempotency-Key returns the same case.',
    authenticated: true,
    roles: ['street_staff'],
    schemas: { body: fileCaseBody, headers: idempotencyHeaders },
    responses: {
      201: { description: 'Filed', schema: caseView },
      200: { description: 'Already filed with this Idempotency-Key', schema: caseView },
      ...errorResponses,
      409: { description: 'The Idempotency-Key was used for a different case', schema: errorBody },
    },
    handler: async ({ body, headers, user, deps }) => {
      const result = await fileCase(deps, user, body, headers['idempotency-key']);
      return { status: result.created ? 201 : 200, body: result.case, headers: { Location: `/cases/${result.case.id}` } };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/cases/:id',
    tag: 'cases',
    summary: 'One case with its history and the actions the caller may take now.',
    authenticated: true,
    schemas: { params: caseIdParams },
    responses: { 200: { description: 'The case', schema: caseView }, ...errorResponses },
    handler: async ({ params, user, deps }) => ({ status: 200, body: await getCase(deps, user, params.id) }),
  }),
  defineRoute({
    method: 'post',
    path: '/cases/:id/submit',
    tag: 'cases',
    summary: 'Hand a regular case to the district now, ahead of the semi-annual submission.',
    authenticated: true,
    roles: ['street_staff'],
    schemas: { params: caseIdParams, body: submitCaseBody },
    responses: {
      200: { description: 'Submitted', schema: caseView },
      ...errorResponses,
      409: { description: 'The case is not awaiting submission', schema: errorBody },
    },
    handler: async ({ params, body, user, deps }) => ({
      status: 200,
      body: await submitCaseToDistrict(deps, user, params.id, body.comment),
    }),
  }),
];
