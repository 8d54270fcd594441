import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import prettier from 'prettier';
import { routes } from '../api/app.ts';
import { objectParameters } from '../api/openapi.ts';
import type { RouteDefinition } from '../api/route.ts';
import { ROLES } from '../model/directory/roles.ts';

/**
 * The README's endpoint table, generated from the route declarations so that it cannot drift from
 * the API: `npm run docs:routes` rewrites the part of README.md between the two markers, and a unit
 * test fails when the README differs from what it would write.
 */
export const README_PATH = path.join(import.meta.dirname, '..', 'README.md');
const BEGIN = '<!-- routes:begin: generated from the route declarations by `npm run docs:routes`; edit those, not this table -->';
const END = '<!-- routes:end -->';

const cell = (text: string) => text.replaceAll('|', '\\|').replaceAll('\n', ' ');
const code = (text: string) => `\`${text}\``;
/** `idempotency-key` as people write it: `Idempotency-Key`. */
const headerName = (name: string) => name.replace(/(^|-)([a-z])/g, (_, dash: string, letter: string) => dash + letter.toUpperCase());

function who(route: RouteDefinition): string {
  if (!route.authenticated) return 'public';
  // A step every role may take (its transition table says so) reads like a route without roles.
  const everyRole = !route.roles || ROLES.every((role) => route.roles?.includes(role));
  return everyRole ? 'any signed-in user' : (route.roles ?? []).map(code).join(', ');
}

function row(route: RouteDefinition): string {
  const headers = objectParameters(route.schemas.headers, 'header')
    .map((p) => p.name)
    .filter((name) => name !== 'authorization');
  const query = objectParameters(route.schemas.query, 'query').map((p) => p.name);
  const endpoint = [code(`${route.method.toUpperCase()} ${route.path}`), ...headers.map((h) => code(headerName(h)))].join(' + ');
  const what = query.length ? `${route.summary} Query: ${query.map(code).join(', ')}.` : route.summary;
  return `| ${cell(endpoint)} | ${cell(who(route))} | ${cell(what)} |`;
}

export function routeTable(declared: readonly RouteDefinition[] = routes): string {
  return ['| endpoint | who may call it | what |', '| --- | --- | --- |', ...declared.map(row)].join('\n');
}

/** The README with its endpoint table regenerated, formatted as Prettier keeps the rest of it. */
export async function readmeWithRouteTable(readme: string, declared: readonly RouteDefinition[] = routes): Promise<string> {
  const begin = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`README.md needs the markers ${BEGIN} and ${END} around its endpoint table`);
  const text = `${readme.slice(0, begin + BEGIN.length)}\n\n${routeTable(declared)}\n\n${readme.slice(end)}`;
  const options = await prettier.resolveConfig(README_PATH);
  return prettier.format(text, { ...options, filepath: README_PATH });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const before = readFileSync(README_PATH, 'utf8');
  const after = await readmeWithRouteTable(before);
  writeFileSync(README_PATH, after);
  console.log(
    after === before ? 'README.md: endpoint table already up to date' : `README.md: endpoint table rewritten (${routes.length} routes)`,
  );
}
