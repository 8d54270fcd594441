import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { routes } from '../../../api/app.ts';
import { mountWebUi } from '../../../api/web-ui.ts';

function appServing(dist: string) {
  const app = express();
  mountWebUi(app, dist);
  return supertest(app);
}

describe('the web UI under /app/', () => {
  const dist = mkdtempSync(path.join(tmpdir(), 'web-dist-'));
  mkdirSync(path.join(dist, 'assets'));
  writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>ui</title>');
  writeFileSync(path.join(dist, 'assets', 'main-abc123.js'), 'console.log(1)');

  it('sends / to the UI and answers every /app/ URL with index.html, for the browser router', async () => {
    const http = appServing(dist);
    expect((await http.get('/')).headers.location).toBe('/app/');
    for (const url of ['/app/', '/app/cases/123', '/app/admin/calendar?x=1']) {
      const res = await http.get(url);
      expect(res.status, url).toBe(200);
      expect(res.text).toContain('<title>ui</title>');
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('caches hashed assets for good and answers 404 for a missing one (never index.html)', async () => {
    const http = appServing(dist);
    const asset = await http.get('/app/assets/main-abc123.js');
    expect(asset.headers['cache-control']).toContain('immutable');
    expect((await http.get('/app/assets/missing.js')).status).toBe(404);
  });

  it('serves the service worker and the manifest from the build, revalidated on every visit, and nothing else beside them', async () => {
    writeFileSync(path.join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {})');
    writeFileSync(path.join(dist, 'manifest.webmanifest'), '{"name":"台账"}');
    writeFileSync(path.join(dist, 'secret.txt'), 'not for the browser');
    const http = appServing(dist);
    const worker = await http.get('/app/sw.js');
    expect(worker.text).toContain('addEventListener');
    expect(worker.headers['content-type']).toContain('javascript');
    expect(worker.headers['cache-control']).toBe('no-cache');
    expect((await http.get('/app/manifest.webmanifest')).text).toContain('台账');
    // Any other file at the build's root is a browser route like the rest: index.html.
    expect((await http.get('/app/secret.txt')).text).toContain('<title>ui</title>');
    expect((await http.get('/app/workbox-missing.js')).text).toContain('<title>ui</title>');
  });

  it('says how to build the UI when it is missing', async () => {
    const res = await appServing(path.join(dist, 'nothing-here')).get('/app/');
    expect(res.status).toBe(503);
    expect(res.text).toContain('npm run build:web');
  });

  it('never shadows an API path: none starts with /app', () => {
    expect(routes.filter((r) => r.path === '/app' || r.path.startsWith('/app/'))).toEqual([]);
  });
});
