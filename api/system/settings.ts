import { districtToday } from '../../lib/district-time.ts';
import { halfYearOf } from '../../lib/half-years.ts';
import { errorResponses } from '../errors.schemas.ts';
import { defineRoute } from '../route.ts';
import { settingsView } from './settings.schemas.ts';

export const settingsRoutes = [
  defineRoute({
    method: 'get',
    path: '/settings',
    operationId: 'getSettings',
    tag: 'system',
    summary: 'What a client needs to present data as the district does: its time zone, today’s date there and the current half-year.',
    authenticated: true,
    schemas: {},
    responses: { 200: { description: 'Settings', schema: settingsView }, ...errorResponses },
    handler: async ({ deps }) => ({
      status: 200,
      body: {
        timeZone: deps.config.districtTime.zone,
        today: districtToday(deps.clock, deps.config.districtTime.utcOffsetMinutes),
        currentCycle: halfYearOf(deps.clock.now(), deps.config.districtTime.utcOffsetMinutes, deps.config.cycles.deadlines),
      },
    }),
  }),
];
