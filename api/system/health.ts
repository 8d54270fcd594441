import { healthView } from './health.schemas.ts';
import { defineRoute } from '../route.ts';

async function probe(check: () => Promise<unknown>) {
  const started = performance.now();
  try {
    await Promise.race([check(), new Promise((_, reject) => setTimeout(() => reject(new Error('timed out after 3 s')), 3_000))]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: (error as Error).message };
  }
}

export const healthRoutes = [
  defineRoute({
    method: 'get',
    path: '/health',
    operationId: 'getHealth',
    tag: 'system',
    summary: 'Whether Temporal and the database answer.',
    authenticated: false,
    schemas: {},
    responses: {
      200: { description: 'All components answer', schema: healthView },
      503: { description: 'Something is down', schema: healthView },
    },
    handler: async ({ deps }) => {
      const [temporal, database] = await Promise.all([
        probe(() => deps.temporal.connection.workflowService.getSystemInfo({})),
        probe(() => deps.prisma.$queryRaw`SELECT 1`),
      ]);
      const ok = temporal.ok && database.ok;
      return { status: ok ? 200 : 503, body: { status: ok ? 'ok' : 'degraded', temporal, database } };
    },
  }),
];
