import { describe, expect, it } from 'vitest';
import { routes } from '../../api/app.ts';
import { buildOpenApi } from '../../api/openapi.ts';

describe('OpenAPI document', () => {
  const doc = buildOpenApi(routes, { title: 'Linkage Ledger API', version: 'test' });

  it('lists every route with its method', () => {
    for (const route of routes) {
      const path = route.path.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[route.method], `${route.method} ${route.path}`).toBeDefined();
    }
  });

  it('marks authenticated routes and the roles allowed', () => {
    const post = doc.paths['/cases']?.post as { security?: unknown; 'x-roles'?: string[] };
    expect(post.security).toEqual([{ bearer: [] }]);
    expect(post['x-roles']).toEqual(['street_staff']);
    expect((doc.paths['/health']?.get as { security?: unknown }).security).toBeUndefined();
  });

  it('describes strict request bodies', () => {
    const body = (doc.paths['/auth/login']?.post as { requestBody: { content: Record<string, { schema: Record<string, unknown> }> } })
      .requestBody.content['application/json']?.schema;
    expect(body).toMatchObject({ type: 'object', additionalProperties: false, required: ['email', 'password'] });
  });
});
