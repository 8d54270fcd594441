import { describe, expect, it } from 'vitest';
import { routes } from '../../../api/app.ts';
import { defineRoute } from '../../../api/route.ts';
import { routeTable } from '../../../tools/docs/api-tables.ts';

describe('the endpoint table of docs/api.md', () => {
  it('names every route with who may call it: roles, any signed-in user, or public', () => {
    const table = routeTable();
    for (const route of routes) expect(table).toContain(`\`${route.method.toUpperCase()} ${route.path}\``);
    expect(table).toContain('| `POST /cycles/:cycle/open` | `admin` |');
    expect(table).toContain('| `GET /statistics` | any signed-in user |');
    expect(table).toContain('| `GET /health` | public |');
    expect(table).toContain('| `POST /cases` + `Idempotency-Key` | `street_staff` |');
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
    expect(regenerated).toContain('| `DELETE /cases/:id` | `admin` | A route the docs do not list \\| yet. |');
  });
});
