import { z } from 'zod';
import { ROLES } from '../model/case.ts';

export const loginBody = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});

export const bearerHeaders = z.object({
  authorization: z.string().regex(/^Bearer \S+$/, 'expected "Bearer <token>"'),
});

export const sessionView = z.object({
  token: z.string(),
  expiresAt: z.iso.datetime(),
  user: z.object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    orgUnitId: z.uuid(),
  }),
});
