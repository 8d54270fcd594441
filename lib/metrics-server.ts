import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { METRICS_CONTENT_TYPE, metricsAccess, renderMetrics } from './metrics.ts';

export type MetricsServer = { url: string; close(): Promise<void> };

/**
 * A worker's own small HTTP endpoint: `GET /metrics` and nothing else, under the same access rule as
 * the API's (`metricsAccess`). A worker serves no other HTTP, so it gets no web framework.
 */
export async function serveMetrics(options: { host: string; port: number; token: string | undefined }): Promise<MetricsServer> {
  const server = http.createServer((req, res) => {
    const access = metricsAccess(options.token, {
      authorization: req.headers.authorization,
      clientAddress: req.socket.remoteAddress ?? '',
    });
    if (req.method !== 'GET' || new URL(req.url ?? '/', 'http://worker').pathname !== '/metrics' || access === 'hidden') {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    if (access === 'unauthorized') {
      res.writeHead(401, { 'content-type': 'text/plain', 'www-authenticate': 'Bearer realm="metrics"' }).end('a bearer token is needed\n');
      return;
    }
    renderMetrics().then(
      (text) => res.writeHead(200, { 'content-type': METRICS_CONTENT_TYPE }).end(text),
      (error: unknown) => res.writeHead(500, { 'content-type': 'text/plain' }).end(`${(error as Error).message}\n`),
    );
  });
  server.listen(options.port, options.host);
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}/metrics`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
