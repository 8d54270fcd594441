import { caseStatistics } from '../domain/statistics.ts';
import { errorResponses } from './errors.schemas.ts';
import { statisticsQuery, statisticsView } from './statistics.schemas.ts';
import { defineRoute } from './route.ts';

export const statisticsRoutes = [
  defineRoute({
    method: 'get',
    path: '/statistics',
    tag: 'statistics',
    summary:
      'Per filing unit, for the cases filed in a period (cycle or dates) that the caller may see: filed, forwarded, solved at each level, working days to a result (median, p90), overdue, satisfaction, repeated problems.',
    authenticated: true,
    schemas: { query: statisticsQuery },
    responses: { 200: { description: 'The figures', schema: statisticsView }, ...errorResponses },
    handler: async ({ query, user, deps }) => ({
      status: 200,
      body: await caseStatistics(
        deps.prisma,
        user,
        { unitId: query.unit, districtId: query.district, cycle: query.cycle, filedFrom: query.filedFrom, filedTo: query.filedTo },
        deps.config.deadlines.utcOffsetMinutes,
        deps.config.cycles.deadlines,
      ),
    }),
  }),
];
