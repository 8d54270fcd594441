import { saveCalendarVersion } from '../../domain/calendar/calendar.ts';
import { requireRole } from '../../domain/cases/scope.ts';
import { calendarView, saveCalendarBody, savedCalendarView } from './calendar.schemas.ts';
import { errorResponses } from '../errors.schemas.ts';
import { defineRoute } from '../route.ts';

export const calendarRoutes = [
  defineRoute({
    method: 'get',
    path: '/calendar',
    operationId: 'getCalendar',
    tag: 'calendar',
    summary: 'The newest working-day calendar: public holidays and make-up working days (version 0: Monday to Friday).',
    authenticated: true,
    schemas: {},
    responses: { 200: { description: 'The calendar', schema: calendarView }, ...errorResponses },
    handler: async ({ deps }) => {
      const latest = await deps.prisma.calendarVersion.findFirst({
        orderBy: { version: 'desc' },
        include: { days: { orderBy: { date: 'asc' } } },
      });
      return {
        status: 200,
        body: {
          version: latest?.version ?? 0,
          note: latest?.note ?? null,
          createdAt: latest?.createdAt.toISOString() ?? null,
          days: (latest?.days ?? []).map((d) => ({ date: d.date.toISOString().slice(0, 10), kind: d.kind, name: d.name })),
        },
      };
    },
  }),
  defineRoute({
    method: 'put',
    path: '/calendar',
    operationId: 'saveCalendar',
    tag: 'calendar',
    summary: 'Save the whole calendar as a new version. New deadlines use it; running cases keep the version they started with.',
    authenticated: true,
    roles: ['admin'],
    schemas: { body: saveCalendarBody },
    responses: { 201: { description: 'Saved as a new version', schema: savedCalendarView }, ...errorResponses },
    handler: async ({ body, user, deps }) => {
      requireRole(user, ['admin']);
      const version = await saveCalendarVersion(deps.prisma, body.days, body.note, user.id);
      return { status: 201, body: { version } };
    },
  }),
];
