import type { Writable } from 'node:stream';
import type { Request, RequestHandler, Response } from 'express';
import { type z } from 'zod';
import { DomainError } from '../lib/errors.ts';
import type { Role } from '../model/case.ts';
import type { AuthenticatedUser } from '../domain/auth.ts';
import type { AppDeps } from './deps.ts';

/**
 * A route is declared once: its schemas validate the request, its handler sees only the parsed
 * values, and the same declaration feeds the OpenAPI document.
 */
export type RouteSchemas = {
  params?: z.ZodType;
  query?: z.ZodType;
  body?: z.ZodType;
  headers?: z.ZodType;
};

type Parsed<S extends RouteSchemas, K extends keyof RouteSchemas> = S[K] extends z.ZodType ? z.output<S[K]> : undefined;

export type RouteContext<S extends RouteSchemas, A extends boolean> = {
  params: Parsed<S, 'params'>;
  query: Parsed<S, 'query'>;
  body: Parsed<S, 'body'>;
  headers: Parsed<S, 'headers'>;
  user: A extends true ? AuthenticatedUser : undefined;
  deps: AppDeps;
  requestId: string;
};

export type RouteResult = {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /** Writes a large body itself, with back-pressure, instead of `body`. */
  stream?: (out: Writable) => Promise<void>;
};

export type RouteDefinition<S extends RouteSchemas = RouteSchemas, A extends boolean = boolean> = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  /** true: needs a bearer token; roles further narrows who may call it (the domain checks scope). */
  authenticated: A;
  roles?: readonly Role[];
  /** The body is the raw file (up to ATTACHMENT_MAX_BYTES), not JSON. */
  rawBody?: boolean;
  schemas: S;
  responses: Record<number, { description: string; schema?: z.ZodType }>;
  handler: (ctx: RouteContext<S, A>) => Promise<RouteResult>;
};

export function defineRoute<S extends RouteSchemas, A extends boolean>(route: RouteDefinition<S, A>): RouteDefinition {
  return route as unknown as RouteDefinition;
}

export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, where: string): z.output<T> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new DomainError(
    'validation_failed',
    `invalid ${where}`,
    result.error.issues.map((issue) => ({
      path: [where, ...issue.path.map(String)].join('.'),
      message: issue.message,
    })),
  );
}

export function toExpressHandler(
  route: RouteDefinition,
  deps: AppDeps,
  authenticate: (req: Request) => Promise<AuthenticatedUser>,
): RequestHandler {
  return async (req: Request, res: Response, next) => {
    try {
      const user = route.authenticated ? await authenticate(req) : undefined;
      if (user && route.roles && !route.roles.includes(user.role)) {
        throw new DomainError('forbidden', `role ${user.role} may not call ${route.method.toUpperCase()} ${route.path}`);
      }
      res.locals.userId = user?.id;
      const ctx = {
        params: route.schemas.params ? parseOrThrow(route.schemas.params, req.params, 'params') : undefined,
        query: route.schemas.query ? parseOrThrow(route.schemas.query, req.query, 'query') : undefined,
        headers: route.schemas.headers ? parseOrThrow(route.schemas.headers, req.headers, 'headers') : undefined,
        body: route.schemas.body ? parseOrThrow(route.schemas.body, req.body ?? {}, 'body') : undefined,
        user,
        deps,
        requestId: String(res.locals.requestId),
      } as RouteContext<RouteSchemas, boolean>;
      const result = await route.handler(ctx);
      for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
      if (result.stream) {
        res.status(result.status);
        try {
          await result.stream(res);
          res.end();
        } catch (error) {
          // Headers are gone: all that is left is to cut the connection, so the client sees a broken file.
          res.destroy(error as Error);
        }
        return;
      }
      if (Buffer.isBuffer(result.body)) res.status(result.status).send(result.body);
      else if (result.body === undefined) res.status(result.status).end();
      else res.status(result.status).json(result.body);
    } catch (error) {
      next(error);
    }
  };
}
