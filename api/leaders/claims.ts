import { claimProject, listProjects } from '../../domain/leaders/claims.ts';
import { claimBody } from '../../model/cases/case-actions.ts';
import { z } from 'zod';
import { PROJECT_MOVES } from '../../model/cases/lifecycle.ts';
import { caseIdParams } from '../cases/cases.schemas.ts';
import { errorBody, errorResponses } from '../errors.schemas.ts';
import { defineRoute } from '../route.ts';
import { pagedList, pageQuery } from '../paging.schemas.ts';

const projectView = z.object({
  id: z.uuid(),
  number: z.number().int(),
  title: z.string(),
  category: z.string(),
  location: z.string(),
  status: z.string(),
  filingUnit: z.object({ id: z.uuid(), name: z.string() }),
  filedAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  claim: z
    .object({ unitId: z.string(), unitName: z.string(), leaderId: z.string(), leaderName: z.string(), claimedAt: z.string() })
    .nullable(),
  completed: z.boolean(),
  /** `claim` while nobody has claimed it and the case is open to a claim. */
  allowedActions: z.array(z.enum(PROJECT_MOVES)),
});

export const claimRoutes = [
  defineRoute({
    method: 'get',
    path: '/public-service-projects',
    operationId: 'listPublicServiceProjects',
    tag: 'leaders',
    summary:
      'For a unit’s clerk: the district’s open unclaimed public-service projects nobody has claimed (`state=claimable`), or those the unit claimed (`state=claimed`), with whether each was completed; a page at a time with the total.',
    authenticated: true,
    roles: ['street_staff'],
    schemas: { query: z.strictObject({ state: z.enum(['claimable', 'claimed']).default('claimable'), ...pageQuery }) },
    responses: {
      200: { description: 'A page of projects, and the total', schema: pagedList(projectView) },
      ...errorResponses,
    },
    handler: async ({ query, user, deps }) => ({
      status: 200,
      body: await listProjects(deps, user, query.state, { limit: query.limit, offset: query.offset }),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/cases/:id/claim',
    operationId: 'claimProject',
    tag: 'leaders',
    summary:
      'A unit with a leader at its head claims an unclaimed public-service project of its district, naming the leader who leads it (an Update of the case). When the case closes as solved it counts toward that leader’s quota.',
    authenticated: true,
    idempotency: 'optional',
    roles: ['street_staff'],
    schemas: { params: caseIdParams, body: claimBody },
    responses: {
      200: { description: 'Claimed', schema: projectView },
      ...errorResponses,
      409: { description: 'Already claimed, or past the point of claiming', schema: errorBody },
    },
    handler: async ({ params, body, user, deps, idempotencyKey }) => ({
      status: 200,
      body: await claimProject(deps, user, params.id, body.leaderId, idempotencyKey),
    }),
  }),
];
