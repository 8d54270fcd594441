import { z } from 'zod';

export const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    requestId: z.string(),
    fields: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
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
