import { createHash, timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Registry, type Metric } from 'prom-client';

/**
 * The process's metrics in the Prometheus text format: one registry per process (the API, a worker,
 * or `npm start` holding both), with Node's own figures (CPU, memory, event-loop delay, GC) and
 * whatever the API and the activities register, plus text served by other exporters in the process
 * (the Temporal SDK's runtime serves its own; see lib/temporal-runtime.ts).
 */
let registry: Registry | undefined;
const textSources: Array<() => Promise<string>> = [];

export function processRegistry(): Registry {
  if (!registry) {
    registry = new Registry();
    collectDefaultMetrics({ register: registry });
  }
  return registry;
}

/** A metric of this process's registry, made once however many apps or workers the process builds (the tests build many). */
export function processMetric<C extends { name: string; registers?: Registry[] }, M extends Metric>(
  Kind: new (config: C) => M,
  config: C,
): M {
  return (processRegistry().getSingleMetric(config.name) as M | undefined) ?? new Kind({ ...config, registers: [processRegistry()] });
}

/** Another exporter's text, appended to every scrape of this process (it must not repeat our names). */
export function addMetricsTextSource(source: () => Promise<string>) {
  textSources.push(source);
}

export const METRICS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** Everything this process exports. A source that fails is left out with a comment; the rest is still served. */
export async function renderMetrics(): Promise<string> {
  const parts = [await processRegistry().metrics()];
  for (const source of textSources) {
    try {
      parts.push(await source());
    } catch (error) {
      parts.push(`# a metrics source of this process did not answer: ${(error as Error).message.replace(/\n/g, ' ')}\n`);
    }
  }
  return parts.map((p) => (p.endsWith('\n') ? p : `${p}\n`)).join('');
}

export type MetricsAccess = 'allowed' | 'unauthorized' | 'hidden';

/**
 * Who may read `/metrics`: with a configured token, whoever sends it as a bearer token (Prometheus's
 * `authorization` setting); without one, only clients on this machine's loopback address, and to
 * everyone else the endpoint does not exist. The figures say how busy each unit's queue is and when
 * the system is weak: not for the public.
 */
export function metricsAccess(token: string | undefined, request: { authorization?: string; clientAddress: string }): MetricsAccess {
  if (token === undefined) return isLoopback(request.clientAddress) ? 'allowed' : 'hidden';
  const sent = /^Bearer (.+)$/i.exec(request.authorization ?? '')?.[1];
  return sent !== undefined && sameSecret(sent, token) ? 'allowed' : 'unauthorized';
}

/** Compared in constant time, through digests so unequal lengths take no shortcut either. */
function sameSecret(a: string, b: string) {
  const digest = (s: string) => createHash('sha256').update(s).digest();
  return timingSafeEqual(digest(a), digest(b));
}

export function isLoopback(address: string) {
  const v4 = address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
  return v4.startsWith('127.') || address === '::1';
}
