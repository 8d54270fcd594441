import { lookAlikesOfCase, lookAlikesOfDraft } from '../../domain/cases/look-alikes.ts';
import { caseIdParams } from './cases.schemas.ts';
import { errorResponses } from '../errors.schemas.ts';
import { draftLookAlikesQuery, lookAlikeList } from './look-alikes.schemas.ts';
import { defineRoute } from '../route.ts';

export const lookAlikeRoutes = [
  defineRoute({
    method: 'get',
    path: '/look-alikes',
    operationId: 'findLookAlikes',
    tag: 'cases',
    summary:
      'While filing: open cases of the caller’s district that look like the same problem (the same place and the same thing said about it), each with why.',
    authenticated: true,
    roles: ['street_staff'],
    schemas: { query: draftLookAlikesQuery },
    responses: { 200: { description: 'Look-alikes, most similar first', schema: lookAlikeList }, ...errorResponses },
    handler: async ({ query, user, deps }) => ({ status: 200, body: { items: await lookAlikesOfDraft(deps.prisma, user, query) } }),
  }),
  defineRoute({
    method: 'get',
    path: '/cases/:id/look-alikes',
    operationId: 'listMergeCandidates',
    tag: 'cases',
    summary: 'Merge candidates: open cases of the district that look like this one.',
    authenticated: true,
    roles: ['district_officer'],
    schemas: { params: caseIdParams },
    responses: { 200: { description: 'Look-alikes, most similar first', schema: lookAlikeList }, ...errorResponses },
    handler: async ({ params, user, deps }) => ({ status: 200, body: { items: await lookAlikesOfCase(deps.prisma, user, params.id) } }),
  }),
];
