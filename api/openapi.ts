import { z } from 'zod';
import type { RouteDefinition } from './route.ts';
import { API_TAGS } from './tags.ts';
import { idempotencyHeadersFor, withIdempotencyResponses } from './idempotency.ts';

const toSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<string, unknown>;

export const API_INFO = { title: 'Linkage Ledger API', version: '0.1.0' };

const API_DESCRIPTION =
  'Linkage Ledger: cases that streets, parks, departments and garrison units escalate to the district and the city, the half-year ledgers and their Annex 3, the leaders’ “four leads” (Appendix 1 and 2) and party members’ service in their communities. Sign in at POST /auth/login and send the token as `Authorization: Bearer …`; `x-roles` names the roles that may call an operation, and every reply is scoped to the caller’s unit.';

/** The first sentence of a route's text, as the operation's one-line summary. */
export const firstSentence = (text: string) => /^.+?[.!?](?=\s|$)/.exec(text)?.[0] ?? text;

/** OpenAPI 3.0 built from the same route declarations and Zod schemas that validate requests. */
export function buildOpenApi(routes: readonly RouteDefinition[], info: { title: string; version: string } = API_INFO) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const parameters = [
      ...objectParameters(route.schemas.params, 'path'),
      ...objectParameters(route.schemas.query, 'query'),
      ...headerParameters(route),
    ];
    const responses = route.idempotency ? withIdempotencyResponses(route.responses) : route.responses;
    paths[path] ??= {};
    paths[path][route.method] = {
      operationId: route.operationId,
      summary: firstSentence(route.summary),
      description: route.summary,
      tags: [route.tag],
      ...(route.authenticated ? { security: [{ bearer: [] }] } : {}),
      ...(route.roles ? { 'x-roles': route.roles } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(route.schemas.body
        ? {
            requestBody: {
              required: true,
              content: {
                [route.formBody ? 'application/x-www-form-urlencoded' : 'application/json']: {
                  schema: toSchema(route.schemas.body, 'input'),
                },
              },
            },
          }
        : {}),
      responses: Object.fromEntries(
        Object.entries(responses).map(([status, r]) => [
          status,
          {
            description: r.description,
            ...(r.schema ? { content: mediaContent(r.schema, r.mediaTypes ?? ['application/json']) } : {}),
          },
        ]),
      ),
    };
  }
  return {
    openapi: '3.0.3',
    info: {
      ...info,
      description: API_DESCRIPTION,
      contact: { name: 'The district Organization Department, which runs the linkage ledger' },
    },
    // Relative: the document describes the server that serves it, wherever that is deployed.
    servers: [{ url: '/', description: 'The server this document was fetched from' }],
    tags: Object.entries(API_TAGS).map(([name, description]) => ({ name, description })),
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}

/** The headers a route reads (its own and, on a creating POST, the Idempotency-Key), but the bearer token. */
export function headerParameters(route: RouteDefinition) {
  return [
    ...objectParameters(route.schemas.headers, 'header').filter((p) => p.name !== 'authorization'),
    ...objectParameters(route.idempotency && idempotencyHeadersFor(route.idempotency), 'header'),
  ];
}

/** One schema under each media type an answer may take (XML names come from the schema's `xml` metadata). */
function mediaContent(schema: z.ZodType, mediaTypes: readonly string[]) {
  const json = toSchema(schema, 'output');
  return Object.fromEntries(mediaTypes.map((type) => [type, { schema: json }]));
}

export function objectParameters(schema: z.ZodType | undefined, location: 'path' | 'query' | 'header') {
  if (!schema) return [];
  const json = toSchema(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}
