import { routes } from '../../api/app.ts';
import { headerParameters, objectParameters } from '../../api/openapi.ts';
import type { RouteDefinition } from '../../api/route.ts';
import { API_TAGS, type ApiTag } from '../../api/tags.ts';
import { ERRORS } from '../../lib/errors.ts';
import { ROLES } from '../../model/directory/roles.ts';
import { code, table } from './regions.ts';

/**
 * The tables of docs/api.md, generated so that they cannot drift from the API: the endpoints from
 * the route declarations, the errors from lib/errors.ts.
 */

/** `idempotency-key` as people write it: `Idempotency-Key`. */
const headerName = (name: string) => name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());

function who(route: RouteDefinition): string {
  if (!route.authenticated) return 'public';
  // A step every role may take (its transition table says so) reads like a route without roles.
  const everyRole = !route.roles || ROLES.every((role) => route.roles?.includes(role));
  return everyRole ? 'any signed-in user' : (route.roles ?? []).map(code).join(', ');
}

function endpointRow(route: RouteDefinition): string[] {
  const headers = headerParameters(route).map((p) => p.name);
  const query = objectParameters(route.schemas.query, 'query').map((p) => p.name);
  const endpoint = [code(`${route.method.toUpperCase()} ${route.path}`), ...headers.map((h) => code(headerName(h)))].join(' + ');
  const what = query.length ? `${route.summary} Query: ${query.map(code).join(', ')}.` : route.summary;
  return [endpoint, who(route), what, code(route.operationId)];
}

export function routeTable(declared: readonly RouteDefinition[] = routes): string {
  return table(['endpoint', 'who may call it', 'what', 'operationId'], declared.map(endpointRow));
}

/** The endpoints by feature (the OpenAPI tags, in their declared order), each with the tag's description. */
export function endpointSections(declared: readonly RouteDefinition[] = routes): string {
  return (Object.entries(API_TAGS) as [ApiTag, string][])
    .map(([tag, description]) => [tag, description, declared.filter((route) => route.tag === tag)] as const)
    .filter(([, , tagged]) => tagged.length > 0)
    .map(([tag, description, tagged]) => `### ${tag}\n\n${description}\n\n${routeTable(tagged)}`)
    .join('\n\n');
}

export function errorTable(): string {
  return table(
    ['code', 'status', 'when'],
    Object.entries(ERRORS).map(([name, { status, when }]) => [code(name), String(status), when]),
  );
}
