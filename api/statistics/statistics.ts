import { repeatedProblemCases } from '../../domain/statistics/repeated-problems.ts';
import { caseStatistics } from '../../domain/statistics/statistics.ts';
import { errorResponses } from '../errors.schemas.ts';
import { repeatedProblemCasesQuery, repeatedProblemCasesView, statisticsQuery, statisticsView } from './statistics.schemas.ts';
import { defineRoute } from '../route.ts';

type LedgerQuery = { unit?: string; district?: string; cycle?: string; filedFrom?: string; filedTo?: string };
const ledgerFilter = (q: LedgerQuery) => ({
  unitId: q.unit,
  districtId: q.district,
  cycle: q.cycle,
  filedFrom: q.filedFrom,
  filedTo: q.filedTo,
});

export const statisticsRoutes = [
  defineRoute({
    method: 'get',
    path: '/statistics',
    operationId: 'getStatistics',
    tag: 'statistics',
    summary:
      'Per filing unit, for the cases filed in a period (cycle or dates) that the caller may see: filed, forwarded, solved at each level, working days to a result (median, p90), overdue, satisfaction, and a page of repeated problems (largest first; follow repeatedProblems.nextCursor with repeatedCursor).',
    authenticated: true,
    schemas: { query: statisticsQuery },
    responses: { 200: { description: 'The figures', schema: statisticsView }, ...errorResponses },
    handler: async ({ query, user, deps }) => ({
      status: 200,
      body: await caseStatistics(
        deps.prisma,
        user,
        ledgerFilter(query),
        deps.config.districtTime.utcOffsetMinutes,
        deps.config.cycles.deadlines,
        { limit: query.repeatedLimit, cursor: query.repeatedCursor },
      ),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/statistics/repeated-problems/cases',
    operationId: 'listRepeatedProblemCases',
    tag: 'statistics',
    summary:
      'The cases of one repeated problem (its category and place, as GET /statistics lists it) that the caller may see, in the same period, oldest first; follow nextCursor.',
    authenticated: true,
    schemas: { query: repeatedProblemCasesQuery },
    responses: { 200: { description: 'The case ids and numbers', schema: repeatedProblemCasesView }, ...errorResponses },
    handler: async ({ query, user, deps }) => ({
      status: 200,
      body: await repeatedProblemCases(
        deps.prisma,
        user,
        ledgerFilter(query),
        { utcOffsetMinutes: deps.config.districtTime.utcOffsetMinutes, deadlines: deps.config.cycles.deadlines },
        { category: query.category, place: query.place, limit: query.limit, cursor: query.cursor },
      ),
    }),
  }),
];
