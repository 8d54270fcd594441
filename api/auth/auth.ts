import type { Request } from 'express';
import { authenticateToken, login, logout } from '../../domain/auth/auth.ts';
import { changePassword } from '../../domain/auth/password-change.ts';
import { DomainError } from '../../lib/errors.ts';
import type { AppDeps } from '../deps.ts';
import { bearerHeaders, loginBody, passwordChangeBody, sessionView } from './auth.schemas.ts';
import { errorBody, errorResponses } from '../errors.schemas.ts';
import { defineRoute } from '../route.ts';

/** Any other scheme, or none, is a 401 (with `WWW-Authenticate: Bearer`), not a validation error. */
export function bearerTokenOf(req: Request): string {
  const parsed = bearerHeaders.safeParse({ authorization: req.headers.authorization });
  if (!parsed.success)
    throw new DomainError('unauthenticated', {
      zh: '请先登录',
      en: 'send "Authorization: Bearer <token>" (POST /auth/login gives one)',
    });
  return parsed.data.authorization;
}

export const authenticateRequest = (deps: AppDeps) => (req: Request) =>
  authenticateToken({ prisma: deps.prisma, clock: deps.clock }, bearerTokenOf(req));

export const authRoutes = [
  defineRoute({
    method: 'post',
    path: '/auth/login',
    operationId: 'login',
    tag: 'auth',
    summary: 'Exchange e-mail and password for a bearer token that expires.',
    authenticated: false,
    schemas: { body: loginBody },
    responses: {
      200: { description: 'Logged in', schema: sessionView },
      ...errorResponses,
      429: { description: 'Too many attempts for the account or from the address; see Retry-After', schema: errorBody },
    },
    handler: async ({ body, deps, clientAddress }) => {
      const session = await login(
        { prisma: deps.prisma, clock: deps.clock, ...deps.config.auth },
        { email: body.email, address: clientAddress },
        body.password,
      );
      return { status: 200, body: { ...session, expiresAt: session.expiresAt.toISOString() } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/auth/logout',
    operationId: 'logout',
    tag: 'auth',
    summary: 'Revoke the bearer token used for this call.',
    authenticated: true,
    beforePasswordChange: true,
    schemas: { headers: bearerHeaders },
    responses: { 204: { description: 'Revoked' }, ...errorResponses },
    handler: async ({ headers, deps }) => {
      await logout(deps, headers.authorization);
      return { status: 204, body: undefined };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/auth/password',
    operationId: 'changePassword',
    tag: 'auth',
    summary:
      'Change your own password: the current one, and a new one of at least 10 characters mixing two of letters, digits and other signs. An account an admin created or reset must do this first.',
    authenticated: true,
    beforePasswordChange: true,
    schemas: { body: passwordChangeBody },
    responses: { 204: { description: 'Changed; the session goes on' }, ...errorResponses },
    handler: async ({ body, user, deps }) => {
      await changePassword(deps.prisma, user, body.currentPassword, body.newPassword);
      return { status: 204, body: undefined };
    },
  }),
];
