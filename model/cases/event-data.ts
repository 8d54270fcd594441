import { z } from 'zod';
import type { CaseEventData } from './case.ts';

const fileRef = z.object({ id: z.string(), fileName: z.string() });

/** The `data` column of `case_events`, read back through this schema; events of older workflows hold `{}`. */
const caseEventDataSchema = z.object({
  owner: z.object({ userId: z.string() }).optional(),
  attachments: z.array(fileRef).optional(),
}) satisfies z.ZodType<CaseEventData>;

export const parseCaseEventData = (json: unknown): CaseEventData => caseEventDataSchema.parse(json ?? {});
