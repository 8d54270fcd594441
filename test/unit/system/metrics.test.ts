import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import express from 'express';
import supertest from 'supertest';
import { describe, expect, it } from 'vitest';
import { labelRoute, recordHttpMetrics } from '../../../api/http-metrics.ts';
import { mountWebUi } from '../../../api/web-ui.ts';
import { metricsAccess, processRegistry } from '../../../lib/metrics.ts';
import { serveMetrics } from '../../../lib/metrics-server.ts';

/** The counter's value for these labels in this process's registry (0 when never counted). */
async function requestsCounted(labels: Record<string, string>) {
  const metric = await processRegistry().getSingleMetric('http_requests_total')?.get();
  const value = metric?.values.find((v) => Object.entries(labels).every(([k, l]) => String(v.labels[k]) === l));
  return value?.value ?? 0;
}

describe('who may read /metrics', () => {
  it('without a token: clients on the loopback address only, and the endpoint is hidden from everyone else', () => {
    for (const clientAddress of ['127.0.0.1', '127.8.9.1', '::1', '::ffff:127.0.0.1'])
      expect(metricsAccess(undefined, { clientAddress }), clientAddress).toBe('allowed');
    for (const clientAddress of ['10.0.0.5', '::ffff:192.168.1.2', '2001:db8::1', ''])
      expect(metricsAccess(undefined, { clientAddress }), clientAddress).toBe('hidden');
  });

  it('with a token: whoever sends it as a bearer token, and nobody else, on loopback neither', () => {
    const token = 'a-token-of-enough-length';
    expect(metricsAccess(token, { authorization: `Bearer ${token}`, clientAddress: '10.0.0.5' })).toBe('allowed');
    expect(metricsAccess(token, { authorization: `bearer ${token}`, clientAddress: '10.0.0.5' })).toBe('allowed');
    for (const authorization of [undefined, '', token, `Bearer ${token}x`, `Bearer ${token.slice(1)}`, `Basic ${token}`])
      expect(metricsAccess(token, { authorization, clientAddress: '127.0.0.1' }), String(authorization)).toBe('unauthorized');
  });
});

describe('HTTP metrics', () => {
  function app() {
    const app = express();
    app.use(recordHttpMetrics());
    app.get('/things/:id', labelRoute('/things/:id'), (_req, res) => void res.json({}));
    app.post('/things', labelRoute('/things'), (_req, _res, next) => next(new Error('refused before the handler')));
    app.get('/plain/:name', (_req, res) => void res.send('x'));
    app.use((_error: unknown, _req: express.Request, res: express.Response, _next: express.NextFunction) => void res.status(401).end());
    return supertest(app);
  }

  it('labels requests by the declared route, never by the URL, and unmatched ones as such', async () => {
    const before = {
      thing: await requestsCounted({ route: '/things/:id', method: 'GET', status: '200' }),
      refused: await requestsCounted({ route: '/things', method: 'POST', status: '401' }),
      plain: await requestsCounted({ route: '/plain/:name', method: 'GET', status: '200' }),
      unmatched: await requestsCounted({ route: 'unmatched', method: 'GET', status: '404' }),
    };
    const http = app();
    await http.get('/things/1');
    await http.get('/things/2');
    await http.post('/things');
    await http.get('/plain/abc');
    await http.get('/nowhere/3');
    expect(await requestsCounted({ route: '/things/:id', method: 'GET', status: '200' })).toBe(before.thing + 2);
    expect(await requestsCounted({ route: '/things', method: 'POST', status: '401' })).toBe(before.refused + 1);
    expect(await requestsCounted({ route: '/plain/:name', method: 'GET', status: '200' })).toBe(before.plain + 1);
    expect(await requestsCounted({ route: 'unmatched', method: 'GET', status: '404' })).toBe(before.unmatched + 1);
    const text = await processRegistry().metrics();
    expect(text).not.toMatch(/route="\/things\/1"/);
    expect(text).toMatch(/http_request_duration_seconds_bucket\{le="0.005",route="\/things\/:id",method="GET",status="200"\}/);
  });

  it("labels the web UI's assets as one route", async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'web-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'assets', 'main-abc.js'), '1');
    const web = express();
    web.use(recordHttpMetrics());
    mountWebUi(web, dist);
    const before = await requestsCounted({ route: '/app/assets', status: '200' });
    expect((await supertest(web).get('/app/assets/main-abc.js')).status).toBe(200);
    expect(await requestsCounted({ route: '/app/assets', status: '200' })).toBe(before + 1);
  });
});

describe("a worker's metrics endpoint", () => {
  it('serves /metrics in the text format to the token and nothing else', async () => {
    const server = await serveMetrics({ host: '127.0.0.1', port: 0, token: 'a-token-of-enough-length' });
    try {
      const base = server.url.replace(/\/metrics$/, '');
      const ok = await fetch(server.url, { headers: { authorization: 'Bearer a-token-of-enough-length' } });
      expect(ok.status).toBe(200);
      expect(ok.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
      expect(await ok.text()).toMatch(/^process_cpu_seconds_total \d/m);
      const refused = await fetch(server.url);
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toContain('Bearer');
      expect((await fetch(`${base}/other`, { headers: { authorization: 'Bearer a-token-of-enough-length' } })).status).toBe(404);
      expect((await fetch(server.url, { method: 'POST', headers: { authorization: 'Bearer a-token-of-enough-length' } })).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
