import type { z } from 'zod';
import { listCases, type CaseFilter } from '../../domain/cases/case-queries.ts';
import { fileCase, getCase } from '../../domain/cases/cases.ts';
import { caseDepsOf } from '../deps.ts';
import { errorBody, errorResponses } from '../errors.schemas.ts';
import { caseFiling } from '../../model/cases/filing.ts';
import { type caseFilterQuery, caseIdParams, caseList, caseView, filedCaseView, listCasesQuery } from './cases.schemas.ts';
import { idempotencyHeaders } from '../idempotency.ts';
import { defineRoute } from '../route.ts';

/** The filters of a `GET /cases` query string as the domain's filter (bulk steps over "all matching" read the same). */
export const caseFilterOfQuery = (query: z.output<typeof caseFilterQuery>): CaseFilter => ({
  unitId: query.unit,
  status: query.status,
  kind: query.kind,
  urgent: query.urgent,
  overdue: query.overdue,
  owner: query.owner,
  held: query.held,
  filedFrom: query.filedFrom,
  filedTo: query.filedTo,
  q: query.q,
});

export const caseRoutes = [
  defineRoute({
    method: 'post',
    path: '/cases',
    operationId: 'fileCase',
    tag: 'cases',
    summary:
      'File a case for the caller’s own unit. Urgent cases go to the district at once. Repeating the Idempotency-Key returns the same case. Open cases that look like the same problem come back in possibleDuplicates.',
    authenticated: true,
    roles: ['street_staff'],
    schemas: { body: caseFiling, headers: idempotencyHeaders },
    responses: {
      201: { description: 'Filed', schema: filedCaseView },
      200: { description: 'Already filed with this Idempotency-Key', schema: filedCaseView },
      ...errorResponses,
      409: { description: 'The Idempotency-Key was used for a different case', schema: errorBody },
    },
    handler: async ({ body, headers, user, deps }) => {
      const result = await fileCase(caseDepsOf(deps), user, body, headers['idempotency-key']);
      return {
        status: result.created ? 201 : 200,
        body: { ...result.case, possibleDuplicates: result.possibleDuplicates },
        headers: { Location: `/cases/${result.case.id}` },
      };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/cases',
    operationId: 'listCases',
    tag: 'cases',
    summary:
      'The cases the caller may see, filtered (by owner too: owner=me, owner=none or a user id), newest first or (sort=due) overdue first and then by deadline; follow nextCursor for the next page (a cursor belongs to its sort).',
    authenticated: true,
    schemas: { query: listCasesQuery },
    responses: { 200: { description: 'A page of cases', schema: caseList }, ...errorResponses },
    handler: async ({ query, user, deps }) => ({
      status: 200,
      body: await listCases(
        deps.prisma,
        user,
        { ...caseFilterOfQuery(query), sort: query.sort, limit: query.limit, cursor: query.cursor },
        deps.config.districtTime.utcOffsetMinutes,
      ),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/cases/:id',
    operationId: 'getCase',
    tag: 'cases',
    summary: 'One case with its history, attachments and the actions the caller may take now.',
    authenticated: true,
    schemas: { params: caseIdParams },
    responses: { 200: { description: 'The case', schema: caseView }, ...errorResponses },
    handler: async ({ params, user, deps }) => ({ status: 200, body: await getCase(deps, user, params.id) }),
  }),
];
