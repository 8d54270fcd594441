import { describe, expect, it } from 'vitest';
import { routes } from '../../../api/app.ts';
import { buildOpenApi } from '../../../api/openapi.ts';
import { MULTI_LINE_TEXT, SINGLE_LINE_TEXT } from '../../../model/text.ts';

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

  const operation = (path: string, method: string) =>
    doc.paths[path]?.[method] as {
      parameters?: Array<{ name: string; schema: Record<string, unknown> }>;
      requestBody?: { content: Record<string, { schema: { properties: Record<string, Record<string, unknown>> } }> };
    };

  it('states the text rule as a pattern a fuzzer can read', () => {
    const body = operation('/cases', 'post').requestBody?.content['application/json']?.schema;
    expect(body?.properties.title?.pattern).toBe(SINGLE_LINE_TEXT.source);
    expect(body?.properties.description?.pattern).toBe(MULTI_LINE_TEXT.source);
    const q = operation('/cases', 'get').parameters?.find((p) => p.name === 'q');
    expect(q?.schema.pattern).toBe(SINGLE_LINE_TEXT.source);
    // Without flags, so ECMA-262 and Python's re read it alike.
    expect(SINGLE_LINE_TEXT.flags).toBe('');
  });

  it('states the bounds of every date and half-year', () => {
    const body = operation('/cases', 'post').requestBody?.content['application/json']?.schema;
    expect(JSON.stringify(body?.properties.foundOn)).toContain('(?:19\\\\d{2}|20\\\\d{2}|2100)');
    const cycle = operation('/cycles/{cycle}/open', 'post').parameters?.find((p) => p.name === 'cycle');
    expect(cycle?.schema.pattern).toBe('^(?:19\\d{2}|20\\d{2}|2100)-H[12]$');
    for (const name of ['filedFrom', 'filedTo']) {
      const filter = operation('/statistics', 'get').parameters?.find((p) => p.name === name);
      expect(JSON.stringify(filter?.schema), name).toContain('years 1900 to 2100');
    }
  });
});
