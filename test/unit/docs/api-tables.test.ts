import { describe, expect, it } from 'vitest';
import { routes } from '../../../api/app.ts';
import { defineRoute } from '../../../api/route.ts';
import { API_TAGS } from '../../../api/tags.ts';
import { endpointSections, routeTable } from '../../../tools/docs/api-tables.ts';

describe('the endpoint table of docs/api.md', () => {
  it('names every route with who may call it: roles, any signed-in user, or public', () => {
    const table = routeTable();
    for (const route of routes) expect(table).toContain(`\`${route.method.toUpperCase()} ${route.path}\``);
    expect(table).toContain('| `POST /cycles/:cycle/open` | `admin` |');
    expect(table).toContain('| `GET /statistics` | any signed-in user |');
    expect(table).toContain('| `GET /health` | public |');
    expect(table).toContain('| `POST /cases` + `Idempotency-Key` | `street_staff` |');
  });

  it('lists each route once, under its feature', () => {
    const sections = endpointSections();
    for (const route of routes) {
      const row = `| \`${route.method.toUpperCase()} ${route.path}\``;
      expect(sections.split(row).length - 1, row).toBe(1);
      const section = sections.split(`### ${route.tag}\n`)[1]?.split('\n### ')[0] ?? '';
      expect(section, `${row} under ${route.tag}`).toContain(row);
    }
    expect(sections).toContain(`### cases\n\n${API_TAGS.cases}`);
  });

  it('differs as soon as a declaration does', () => {
    const extra = defineRoute({
      method: 'delete',
      path: '/cases/:id',
      operationId: 'deleteCase',
      tag: 'cases',
      summary: 'A route the docs do not list | yet.',
      authenticated: true,
      roles: ['admin'],
      schemas: {},
      responses: {},
      handler: async () => ({ status: 204, body: undefined }),
    });
    const regenerated = routeTable([...routes, extra]);
    expect(regenerated).not.toBe(routeTable());
    expect(regenerated).toContain('| `DELETE /cases/:id` | `admin` | A route the docs do not list \\| yet. | `deleteCase` |');
  });
});
