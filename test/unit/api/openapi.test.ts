import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../api/app.ts';
import { buildOpenApi, firstSentence } from '../../../api/openapi.ts';
import { API_TAGS } from '../../../api/tags.ts';
import { MULTI_LINE_TEXT, SINGLE_LINE_TEXT } from '../../../model/text.ts';

describe('OpenAPI document', () => {
  const doc = buildOpenApi(routes, { title: 'Linkage Ledger API', version: 'test' });

  it('lists every route with its method', () => {
    for (const route of routes) {
      const path = route.path.replace(/:(\w+)/g, '{$1}');
      expect(doc.paths[path]?.[route.method], `${route.method} ${route.path}`).toBeDefined();
    }
  });

  it('gives every operation a unique camelCase operationId', () => {
    const ids = routes.map((route) => route.operationId);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-zA-Z0-9]*$/);
    const repeated = ids.filter((id, index) => ids.indexOf(id) !== index);
    expect(repeated).toEqual([]);
    expect(doc.paths['/cases']?.post).toMatchObject({ operationId: 'fileCase' });
    expect(doc.paths['/cases/{id}/declareUnsolvable']?.post).toMatchObject({ operationId: 'declareUnsolvable' });
  });

  it('tags every operation with a feature the document declares, with a description', () => {
    const declared = doc.tags.map((tag) => tag.name);
    expect(declared).toEqual(Object.keys(API_TAGS));
    for (const tag of doc.tags) expect(tag.description.length, tag.name).toBeGreaterThan(20);
    for (const route of routes) expect(declared, `${route.method} ${route.path}`).toContain(route.tag);
    // Every feature has operations; a tag nobody uses would be a stale declaration.
    expect(new Set(routes.map((route) => route.tag))).toEqual(new Set(declared));
  });

  it('tags a route with the feature folder it is declared in', () => {
    const apiDir = path.join(import.meta.dirname, '..', '..', '..', 'api');
    const features = readdirSync(apiDir, { withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(features.map((entry) => entry.name).sort()).toEqual(Object.keys(API_TAGS).sort());
    for (const feature of features) {
      for (const file of readdirSync(path.join(apiDir, feature.name))) {
        const source = readFileSync(path.join(apiDir, feature.name, file), 'utf8');
        for (const [, tag] of source.matchAll(/\btag: '(\w+)'/g)) expect(tag, `api/${feature.name}/${file}`).toBe(feature.name);
      }
    }
  });

  it('describes the API, whom to ask and where it is served', () => {
    expect(doc.info.description).toContain('/auth/login');
    expect(doc.info.contact.name).toBeTruthy();
    expect(doc.servers).toEqual([{ url: '/', description: expect.any(String) }]);
  });

  it('summarises an operation by the first sentence of its text and describes it by the whole', () => {
    expect(firstSentence('File a case. Urgent ones go at once.')).toBe('File a case.');
    expect(firstSentence('Version 0.1: no sentence end')).toBe('Version 0.1: no sentence end');
    const post = doc.paths['/cases']?.post as { summary: string; description: string };
    expect(post.summary).toBe('File a case for the caller’s own unit.');
    expect(post.description.startsWith(post.summary)).toBe(true);
    expect(post.description.length).toBeGreaterThan(post.summary.length);
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
