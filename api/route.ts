import type { Writable } from 'node:stream';
import type { Request, RequestHandler, Response } from 'express';
import { type z } from 'zod';
import { DomainError, ERRORS, type Language, type Localized } from '../lib/errors.ts';
import { fieldErrorMap, fieldIssuesOf } from './field-messages.ts';
import { requestLanguage } from './language.ts';
import { withRequest } from '../lib/request-context.ts';
import type { Role } from '../model/directory/roles.ts';
import { ROLE_WORDS } from '../model/directory/glossary.ts';
import type { AuthenticatedUser } from '../domain/auth/auth.ts';
import type { AppDeps } from './deps.ts';
import { inRequestSpan } from './request-trace.ts';
import type { ApiTag } from './tags.ts';
import { answerOnce, idempotencyHeadersFor, type IdempotencyRule } from './idempotency.ts';

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
  /** The peer's address (behind a proxy: the proxy's, unless Express is told to trust it). */
  clientAddress: string;
  /** The Idempotency-Key of a route that takes one (`idempotency`), when sent. */
  idempotencyKey: string | undefined;
};

export type RouteResult = {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
  /**
   * What is kept under an Idempotency-Key and answered to a retry instead of `body`: an answer that shows
   * a secret once (an api_key, a signing secret) keeps itself without it, so no secret lies in the table.
   */
  keptBody?: unknown;
  /** Writes a large body itself, with back-pressure, instead of `body`. */
  stream?: (out: Writable) => Promise<void>;
};

export type RouteDefinition<S extends RouteSchemas = RouteSchemas, A extends boolean = boolean> = {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  /** What the route does, for people: its first sentence becomes the OpenAPI summary, the whole text its description. */
  summary: string;
  /** The feature the route belongs to (the folder it is declared in). */
  tag: ApiTag;
  /**
   * A stable camelCase name, unique across the API, that client generators use for the call (the
   * case steps use their action name, so a UI can call a step by the name `allowedActions` gives).
   */
  operationId: string;
  /** true: needs a bearer token; roles further narrows who may call it (the domain checks scope). */
  authenticated: A;
  roles?: readonly Role[];
  /** Answered also before an account made by an admin has changed its one-time password (the change itself, sign-out). */
  beforePasswordChange?: true;
  /** The body is the raw file (up to ATTACHMENT_MAX_BYTES), not JSON. */
  rawBody?: boolean;
  /**
   * A creating POST: takes an `Idempotency-Key` header (required or optional), and its answer to a
   * key is kept, so the same request sent again with it gets the first answer (api/idempotency.ts).
   */
  idempotency?: IdempotencyRule;
  /** The body is an HTML form (`application/x-www-form-urlencoded`, as Open311 posts), not JSON. */
  formBody?: boolean;
  schemas: S;
  /** `mediaTypes`: what the answer may come as (default `application/json`); the handler sets the one it sends. */
  responses: Record<number, { description: string; schema?: z.ZodType; mediaTypes?: readonly string[] }>;
  handler: (ctx: RouteContext<S, A>) => Promise<RouteResult>;
};

export function defineRoute<S extends RouteSchemas, A extends boolean>(route: RouteDefinition<S, A>): RouteDefinition {
  return route as unknown as RouteDefinition;
}

/** Parses one part of a request; a failure names each field in the reader's language. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, where: RequestPart, language: Language): z.output<T> {
  const result = schema.safeParse(value, { error: fieldErrorMap(language) });
  if (result.success) return result.data;
  throw new DomainError('validation_failed', INVALID_PART[where], fieldIssuesOf(result.error, where, language));
}

type RequestPart = keyof RouteSchemas;
const INVALID_PART: Record<RequestPart, Localized> = {
  params: { zh: '链接中的参数有误', en: 'invalid params' },
  query: { zh: '查询条件有误', en: 'invalid query' },
  headers: { zh: '请求头有误', en: 'invalid headers' },
  body: { zh: '填写的内容有误，请按各项的提示修改', en: 'invalid body' },
};

/**
 * Authenticates and checks the role before any body is read, so an upload without a valid token is
 * refused without taking in its bytes.
 */
export function authenticateRoute(route: RouteDefinition, authenticate: (req: Request) => Promise<AuthenticatedUser>): RequestHandler {
  return async (req: Request, res: Response, next) => {
    try {
      const user = await authenticate(req);
      if (user.mustChangePassword && !route.beforePasswordChange)
        throw new DomainError('password_change_required', ERRORS.password_change_required.message);
      if (route.roles && !route.roles.includes(user.role)) {
        throw new DomainError(
          'forbidden',
          {
            zh: `您的角色（${ROLE_WORDS[user.role].zh}）不能进行此操作`,
            en: `role ${user.role} may not call ${route.method.toUpperCase()} ${route.path}`,
          },
          undefined,
          undefined,
          { role: user.role },
        );
      }
      res.locals.user = user;
      res.locals.userId = user.id;
      next();
    } catch (error) {
      next(error);
    }
  };
}

export function toExpressHandler(route: RouteDefinition, deps: AppDeps): RequestHandler {
  return async (req: Request, res: Response, next) => {
    try {
      const user = route.authenticated ? (res.locals.user as AuthenticatedUser | undefined) : undefined;
      if (route.authenticated && !user) throw new Error(`${route.method} ${route.path} reached its handler unauthenticated`);
      const language = requestLanguage(req);
      const ctx = {
        params: route.schemas.params ? parseOrThrow(route.schemas.params, req.params, 'params', language) : undefined,
        query: route.schemas.query ? parseOrThrow(route.schemas.query, req.query, 'query', language) : undefined,
        headers: route.schemas.headers ? parseOrThrow(route.schemas.headers, req.headers, 'headers', language) : undefined,
        body: route.schemas.body ? parseOrThrow(route.schemas.body, req.body ?? {}, 'body', language) : undefined,
        user,
        deps,
        requestId: String(res.locals.requestId),
        clientAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
        idempotencyKey: route.idempotency
          ? parseOrThrow(idempotencyHeadersFor(route.idempotency), req.headers, 'headers', language)['idempotency-key']
          : undefined,
      } as RouteContext<RouteSchemas, boolean>;
      // One deadline for every Temporal call the handler makes: when Temporal is down or hung the
      // request answers 503 within seconds instead of after the client's own 20 s of retries.
      // The request id and user ride along (AsyncLocalStorage) into the headers of the Temporal calls it
      // makes, and so does the request's trace span.
      const handle = () => deps.temporal.withDeadline(Date.now() + deps.config.temporal.callDeadlineMs, () => route.handler(ctx));
      const result: RouteResult = await inRequestSpan(res, () =>
        withRequest({ requestId: ctx.requestId, userId: user?.id }, () =>
          ctx.idempotencyKey && user
            ? answerOnce(
                deps,
                { userId: user.id, operation: route.operationId, key: ctx.idempotencyKey },
                { params: ctx.params, query: ctx.query, headers: ctx.headers, body: ctx.body },
                handle,
              )
            : handle(),
        ),
      );
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
