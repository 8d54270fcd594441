import { expect } from 'vitest';
import { filing, newKey } from './fixtures.ts';
import type { CaseAction } from '../../model/cases/lifecycle.ts';
import type { TestSystem } from './system.ts';

/** What the steps need of a system: an HTTP client, in-process (supertest on the app) or to a running API. */
type Http = Pick<TestSystem, 'http'>;

/** Files a case as the given user and returns its view; fails the test on anything but 201. */
export async function fileAs(sys: Http, token: string, overrides: Record<string, unknown> = {}) {
  const res = await sys.http.post('/cases').set('Authorization', token).set('Idempotency-Key', newKey()).send(filing(overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as {
    id: string;
    number: number;
    status: string;
    filedAt: string;
    dueAt: string;
    calendarVersion: number | null;
    possibleDuplicates: Array<{
      number: number;
      score: number;
      reasons: Array<{ part: string; shared: string[] }>;
      id?: string;
      title?: string;
    }>;
  };
}

/** Takes one lifecycle step over HTTP (its route is named as the action) and returns the response. */
export function step(
  sys: Http,
  token: string,
  caseId: string,
  action: CaseAction,
  body: Record<string, unknown> = {},
  idempotencyKey?: string,
) {
  const request = sys.http.post(`/cases/${caseId}/${action}`).set('Authorization', token);
  return (idempotencyKey ? request.set('Idempotency-Key', idempotencyKey) : request).send(body);
}

/** Takes one step that must succeed; returns the case after it. */
export async function stepOk(sys: Http, token: string, caseId: string, action: CaseAction, body: Record<string, unknown> = {}) {
  const res = await step(sys, token, caseId, action, body);
  expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
}

export const historyTypes = (view: { history: Array<{ type: string }> }) => view.history.map((h) => h.type);
