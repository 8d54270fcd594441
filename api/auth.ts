import type { Request } from 'express';
import { authenticateToken, login, logout } from '../domain/auth.ts';
import { DomainError } from '../lib/errors.ts';
import type { AppDeps } from './deps.ts';
import { bearerHeaders, loginBody, sessionView } from './auth.schemas.ts';
import { errorResponses } from './errors.schemas.ts';
import { defineRoute, parseOrThrow } from './route.ts';

function bearerTokenOf(req: Request): string {
  const header = req.headers.authorization;
  if (!header) throw new DomainError('unauthenticated', 'send "Authorization: Bearer <token>" (POST /auth/login gives one)');
  return parseOrThrow(bearerHeaders, { authorization: header }, 'headers').authorization.slice('Bearer '.length);
}

export const authenticateRequest = (deps: AppDeps) => (req: Request) =>
  authenticateToken({ prisma: deps.prisma, clock: deps.clock }, bearerTokenOf(req));

export const authRoutes = [
  defineRoute({
    method: 'post',
    path: '/auth/login',
    tag: 'auth',
    summary: 'Exchange e-mail and password for a bearer token that expires.',
    authenticated: false,
    schemas: { body: loginBody },
    responses: { 200: { description: 'Logged in', schema: sessionView }, ...errorResponses },
    handler: async ({ body, deps }) => {
      const session = await login(
        { prisma: deps.prisma, clock: deps.clock, tokenTtlMinutes: deps.config.auth.tokenTtlMinutes },
        body.email,
        body.password,
      );
      return { status: 200, body: { ...session, expiresAt: session.expiresAt.toISOString() } };
    },
  }),
  defineRoute({
    method: 'post',
    path: '/auth/logout',
    tag: 'auth',
    summary: 'Revoke the bearer token used for this call.',
    authenticated: true,
    schemas: { headers: bearerHeaders },
    responses: { 204: { description: 'Revoked' }, ...errorResponses },
    handler: async ({ headers, deps }) => {
      await logout(deps, headers.authorization.slice('Bearer '.length));
      return { status: 204, body: undefined };
    },
  }),
];
