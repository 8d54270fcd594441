import { z } from 'zod';

/** The values a message names, as codes and numbers, for clients that word their own. */
const errorParams = z
  .record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]))
  .describe('The values the message names, as codes and numbers (`action`, `state`, `allowedFrom`, `minimum`, …)');

/** An error: its stable `code`, and its message in the language of `Accept-Language` (Chinese unless English is asked for). */
export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
    params: errorParams.optional(),
    fields: z.array(z.object({ path: z.string(), message: z.string(), params: errorParams.optional() })).optional(),
  }),
});

export const errorResponses = {
  400: { description: 'Invalid input; `fields` names each offending field', schema: errorBody },
  401: { description: 'Missing, expired or revoked token', schema: errorBody },
  403: { description: 'The role may not do this', schema: errorBody },
  404: { description: 'Not found, or not visible to the caller', schema: errorBody },
  503: {
    description: 'Temporal or the database is unreachable or did not answer in time; send the request again after `Retry-After` seconds',
    schema: errorBody,
  },
} as const;
