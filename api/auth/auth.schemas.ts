import { z } from 'zod';
import { ROLES } from '../../model/directory/roles.ts';
import { newPassword } from '../../model/auth/password-rule.ts';

export const loginBody = z.strictObject({
  email: z.email().max(254),
  password: z.string().min(1).max(200),
});

/** RFC 7235: the scheme is case-insensitive and one or more spaces part it from the token. */
const BEARER = /^bearer +(\S+)$/i;

/** Parsed to the token alone. */
export const bearerHeaders = z.object({
  authorization: z
    .string()
    .regex(BEARER, 'expected "Bearer <token>"')
    .transform((header) => BEARER.exec(header)?.[1] ?? ''),
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
    mustChangePassword: z
      .boolean()
      .describe('true: an admin made or reset the account; only POST /auth/password is answered until it is changed'),
  }),
});

export const passwordChangeBody = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword,
});
