import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { expect } from 'vitest';
import type { Clock } from '../../lib/clock.ts';
import { newKey } from './fixtures.ts';
import { startTestSystem, type TestSystem } from './system.ts';
import { startTimeSkippingServer } from './time-skipping.ts';

/** Adds a leader as the given clerk and returns its view; fails the test on anything but 201. */
export async function addLeader(sys: TestSystem, token: string, body: Record<string, unknown>) {
  const res = await sys.http.post('/leaders').set('Authorization', token).send(body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; name: string; unit: { id: string }; reportsTo: { id: string } };
}

export function recordActivity(sys: TestSystem, token: string, leaderId: string, body: Record<string, unknown>) {
  return sys.http
    .post(`/leaders/${leaderId}/activities`)
    .set('Authorization', token)
    .set('Idempotency-Key', newKey())
    .send({ participants: 'Street committee, 12 residents', account: 'Discussed the season’s work.', ...body });
}

/** Records an activity that must be accepted and has the receiving street/park confirm it; returns its id. */
export async function recordConfirmed(
  sys: TestSystem,
  clerk: string,
  street: string,
  leader: { id: string; reportsTo: { id: string } },
  kind: string,
  occurredOn: string,
  extra: Record<string, unknown> = {},
) {
  const recorded = await recordActivity(sys, clerk, leader.id, { kind, occurredOn, placeUnitId: leader.reportsTo.id, ...extra });
  expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
  const confirmed = await sys.http.post(`/leader-activities/${recorded.body.id}/confirm`).set('Authorization', street);
  expect(confirmed.status, JSON.stringify(confirmed.body)).toBe(200);
  return recorded.body.id as string;
}

/**
 * The API's clock following the time-skipping server's: a test moves the server on, then calls
 * `sync`, so "today" in the API is the day the workflows see, never the real date.
 */
export function serverClock(env: TestWorkflowEnvironment): Clock & { sync(): Promise<void> } {
  let serverMs = 0;
  let syncedAt = 0;
  return {
    now: () => new Date(serverMs + (Date.now() - syncedAt)),
    async sync() {
      serverMs = await env.currentTimeMs();
      syncedAt = Date.now();
    },
  };
}

/** Moves the time-skipping server to a moment (never back) and the API's clock with it. */
export async function advanceTo(env: TestWorkflowEnvironment, clock: { sync(): Promise<void> }, moment: Date) {
  const now = await env.currentTimeMs();
  if (moment.getTime() > now) await env.sleep(moment.getTime() - now);
  await clock.sync();
}

/** A file's system on the time-skipping server, the API's clock following the server's. */
export type TimeSkippingSystem = { env: TestWorkflowEnvironment; sys: TestSystem; clock: ReturnType<typeof serverClock> };

/** Starts the time-skipping server, moves it to `startAt` (a fixed anchor, never the real date), then the system on it. */
export async function startSystemAt(testFile: string, startAt: Date): Promise<TimeSkippingSystem> {
  const env = await startTimeSkippingServer();
  const clock = serverClock(env);
  await advanceTo(env, clock, startAt);
  const sys = await startTestSystem(testFile, { temporal: { client: env.client, nativeConnection: env.nativeConnection }, clock });
  return { env, sys, clock };
}

/** Moves server and API on to a moment, then `logIn` again: tokens expire in hours, and days pass between steps. */
export async function moveOn({ env, clock }: TimeSkippingSystem, moment: Date, logIn: () => Promise<void>) {
  await advanceTo(env, clock, moment);
  await logIn();
}

export async function stopSystemAt(started: TimeSkippingSystem | undefined) {
  await started?.sys.stop();
  await started?.env.teardown();
}
