import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { expect } from 'vitest';
import type { Clock } from '../../lib/clock.ts';
import { newKey } from './fixtures.ts';
import type { TestSystem } from './system.ts';

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
