import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../api/app.ts';
import { defineRoute } from '../../../api/route.ts';
import { README_PATH, readmeWithRouteTable, routeTable } from '../../../tools/route-docs.ts';

describe('the README’s endpoint table', () => {
  const readme = readFileSync(README_PATH, 'utf8');

  it('is exactly what `npm run docs:routes` writes from the route declarations', async () => {
    expect(await readmeWithRouteTable(readme), 'README.md is stale: run `npm run docs:routes`').toBe(readme);
  });

  it('names every route with who may call it: roles, any signed-in user, or public', () => {
    const table = routeTable();
    for (const route of routes) expect(table).toContain(`\`${route.method.toUpperCase()} ${route.path}\``);
    expect(table).toContain('| `POST /cycles/:cycle/open` | `admin` |');
    expect(table).toContain('| `GET /statistics` | any signed-in user |');
    expect(table).toContain('| `GET /health` | public |');
    expect(table).toContain('| `POST /cases` + `Idempotency-Key` | `street_staff` |');
  });

  it('differs as soon as a declaration does', async () => {
    const extra = defineRoute({
      method: 'delete',
      path: '/cases/:id',
      operationId: 'deleteCase',
      tag: 'cases',
      summary: 'A route the README does not list | yet.',
      authenticated: true,
      roles: ['admin'],
      schemas: {},
      responses: {},
      handler: async () => ({ status: 204, body: undefined }),
    });
    const regenerated = await readmeWithRouteTable(readme, [...routes, extra]);
    expect(regenerated).not.toBe(readme);
    expect(regenerated).toMatch(/\| `DELETE \/cases\/:id` +\| `admin` +\| A route the README does not list \\\| yet\. +\|/);
  });
});
