import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a receiver took, as it came: path, query, headers and raw body. */
export type Received = { path: string; query: URLSearchParams; headers: IncomingHttpHeaders; body: string; at: number };
type Answer = (request: Received) => { status: number; body?: string };

/**
 * A local HTTP receiver for webhooks: it records what it is sent and answers as told; `down()` closes
 * its port (connections are refused, as from a receiver that is off) and `up()` opens the same port again.
 */
export async function startReceiver(answer: Answer = () => ({ status: 200 })) {
  const received: Received[] = [];
  let current = answer;
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://receiver');
      const request = {
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        at: Date.now(),
      };
      const reply = current(request);
      // Only what it answered 2xx counts as taken.
      if (reply.status >= 200 && reply.status < 300) received.push(request);
      res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body ?? '{}');
    });
  };
  let server: Server = createServer(handler).listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    answer: (next: Answer) => (current = next),
    async down() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async up() {
      server = createServer(handler).listen(port, '127.0.0.1');
      await once(server, 'listening');
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type Receiver = Awaited<ReturnType<typeof startReceiver>>;

/** Waits until `check` holds (polling), or fails with what it last saw. */
export async function eventually<T>(look: () => T | Promise<T>, check: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await look();
    if (check(value)) return value;
    if (Date.now() > until) throw new Error(`still not there after ${timeoutMs} ms: ${JSON.stringify(value).slice(0, 2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
