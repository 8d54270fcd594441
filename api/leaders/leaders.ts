import { createLeader, getLeader, leaderStandingTotals, listLeaders, updateLeader } from '../../domain/leaders/leaders.ts';
import type { AppDeps } from '../deps.ts';
import { errorBody, errorResponses } from '../errors.schemas.ts';
import {
  createLeaderBody,
  leaderIdParams,
  leaderListView,
  leaderWithYearView,
  leaderYearQuery,
  listLeadersQuery,
  standingTotalsQuery,
  standingTotalsView,
  updateLeaderBody,
} from './leaders.schemas.ts';
import { defineRoute } from '../route.ts';

/** What the leaders' domain functions need, from the app's dependencies. */
export const leaderDepsOf = (deps: AppDeps) => ({
  prisma: deps.prisma,
  temporal: deps.temporal,
  clock: deps.clock,
  settings: deps.config.leaders,
});

export const leaderRoutes = [
  defineRoute({
    method: 'get',
    path: '/leaders',
    operationId: 'listLeaders',
    tag: 'leaders',
    summary:
      'The leaders the caller may see (a unit its own, a leadership body’s office its members, the district all of its district, the city all), each with the year’s standing on the four leads and what awaits confirmation, a page at a time with the total, and the reminder days ahead.',
    authenticated: true,
    schemas: { query: listLeadersQuery },
    responses: { 200: { description: 'A page of leaders, and the total', schema: leaderListView }, ...errorResponses },
    handler: async ({ query, user, deps }) => ({
      status: 200,
      body: await listLeaders(
        leaderDepsOf(deps),
        user,
        {
          unitId: query.unit,
          districtId: query.district,
          rank: query.rank,
          active: query.active,
          behind: query.behind,
          year: query.year,
        },
        { limit: query.limit, offset: query.offset },
      ),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/leader-standing',
    operationId: 'leaderStandingTotals',
    tag: 'leaders',
    summary:
      'The year’s standing of the principal leaders in office the caller may see (narrowed to a unit or a district), summed per item: required, done toward it and missing, with how many are behind.',
    authenticated: true,
    schemas: { query: standingTotalsQuery },
    responses: { 200: { description: 'The totals', schema: standingTotalsView }, ...errorResponses },
    handler: async ({ query, user, deps }) => ({
      status: 200,
      body: await leaderStandingTotals(leaderDepsOf(deps), user, { unitId: query.unit, districtId: query.district, year: query.year }),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/leaders',
    operationId: 'createLeader',
    tag: 'leaders',
    summary:
      'Add a leader to the caller’s unit or leadership body (admins name the unit): post, principal or team member, and the street/park they report to (of the same district).',
    authenticated: true,
    idempotency: 'optional',
    roles: ['street_staff', 'admin'],
    schemas: { body: createLeaderBody },
    responses: { 201: { description: 'Added', schema: leaderWithYearView }, ...errorResponses },
    handler: async ({ body, user, deps }) => ({ status: 201, body: await createLeader(leaderDepsOf(deps), user, body) }),
  }),
  defineRoute({
    method: 'get',
    path: '/leaders/:id',
    operationId: 'getLeader',
    tag: 'leaders',
    summary:
      'A leader with a year’s record: required, done and missing per item, dates, projects, whether the year is frozen, what awaits confirmation, and the reminder days ahead.',
    authenticated: true,
    schemas: { params: leaderIdParams, query: leaderYearQuery },
    responses: { 200: { description: 'The leader', schema: leaderWithYearView }, ...errorResponses },
    handler: async ({ params, query, user, deps }) => ({
      status: 200,
      body: await getLeader(leaderDepsOf(deps), user, params.id, query.year),
    }),
  }),
  defineRoute({
    method: 'patch',
    path: '/leaders/:id',
    operationId: 'updateLeader',
    tag: 'leaders',
    summary: 'Change a leader of the caller’s unit: name, post, rank, the street/park they report to, or retire them (active: false).',
    authenticated: true,
    roles: ['street_staff', 'admin'],
    schemas: { params: leaderIdParams, body: updateLeaderBody },
    responses: {
      200: { description: 'Changed', schema: leaderWithYearView },
      ...errorResponses,
      409: { description: 'Conflict', schema: errorBody },
    },
    handler: async ({ params, body, user, deps }) => ({ status: 200, body: await updateLeader(leaderDepsOf(deps), user, params.id, body) }),
  }),
];
