import { z } from 'zod';
import type { RouteDefinition } from './route.ts';

const toSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { target: 'openapi-3.0', io, unrepresentable: 'any' }) as Record<string, unknown>;

/** OpenAPI 3.0 built from the same route declarations and Zod schemas that validate requests. */
export function buildOpenApi(routes: readonly RouteDefinition[], info: { title: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of routes) {
    const path = route.path.replace(/:(\w+)/g, '{$1}');
    const parameters = [
      ...objectParameters(route.schemas.params, 'path'),
      ...objectParameters(route.schemas.query, 'query'),
      ...objectParameters(route.schemas.headers, 'header').filter((p) => p.name !== 'authorization'),
    ];
    paths[path] ??= {};
    paths[path][route.method] = {
      summary: route.summary,
      tags: [route.tag],
      ...(route.authenticated ? { security: [{ bearer: [] }] } : {}),
      ...(route.roles ? { 'x-roles': route.roles } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(route.schemas.body
        ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(route.schemas.body, 'input') } } } }
        : {}),
      responses: Object.fromEntries(
        Object.entries(route.responses).map(([status, r]) => [
          status,
          {
            description: r.description,
            ...(r.schema ? { content: { 'application/json': { schema: toSchema(r.schema, 'output') } } } : {}),
          },
        ]),
      ),
    };
  }
  return {
    openapi: '3.0.3',
    info,
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
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
