import { createServer, type Server } from 'node:http';
import type { Express } from 'express';

/**
 * Room for a request line and headers: Node's default (16 kB) is less than a documented GeoReport query
 * of ids may take once percent-encoded; past this Node answers 431 before the app can name the field.
 */
export const MAX_HEADER_BYTES = 64 * 1024;

/** The app on a port, as `app.listen` would, with the header room above. */
export function serveHttp(app: Express, port: number, host: string): Server {
  return createServer({ maxHeaderSize: MAX_HEADER_BYTES }, app).listen(port, host);
}
