import { z } from 'zod';

const component = z.object({ ok: z.boolean(), latencyMs: z.number(), error: z.string().optional() });
export const healthView = z.object({ status: z.enum(['ok', 'degraded']), temporal: component, database: component });
