import { expect } from 'vitest';
import type { Clock } from '../../lib/clock.ts';
import { newKey } from './fixtures.ts';
import type { TestSystem } from './system.ts';

/** Registers a member over HTTP and returns the view; fails the test on anything but 201. */
export async function registerAs(sys: TestSystem, token: string, body: Record<string, unknown>) {
  const res = await sys.http.post('/party/members').set('Authorization', token).send(body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; registrations: Array<{ id: string; status: string }> };
}

/** Records a service over HTTP; fails the test on anything but 201. */
export async function recordAs(sys: TestSystem, token: string, body: Record<string, unknown>) {
  const res = await sys.http.post('/party/records').set('Authorization', token).set('Idempotency-Key', newKey()).send(body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; confirmed: boolean };
}

/**
 * A clock that reads the time-skipping test server's time: synced after every jump, real time in
 * between (the server's clock runs with real time while nobody asks it to skip).
 */
export function serverClock(env: { currentTimeMs(): Promise<number>; sleep(ms: number): Promise<void> }) {
  let offset = 0;
  const clock: Clock = { now: () => new Date(Date.now() + offset) };
  return {
    clock,
    /** Lets server time pass up to `at` (ms since the epoch), then syncs the clock. */
    async advanceTo(at: number) {
      const now = await env.currentTimeMs();
      if (at > now) await env.sleep(at - now);
      offset = (await env.currentTimeMs()) - Date.now();
    },
  };
}

type Parser = Parameters<ReturnType<TestSystem['http']['get']>['parse']>[0];
const binary: Parser = (res, done) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

/** GETs a file as raw bytes. */
export const downloadAs = (sys: TestSystem, token: string, path: string, query: Record<string, string> = {}) =>
  sys.http.get(path).query(query).set('Authorization', token).buffer(true).parse(binary);
