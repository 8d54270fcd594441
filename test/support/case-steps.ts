import { expect } from 'vitest';
import { filing, newKey } from './fixtures.ts';
import type { CaseAction } from '../../model/lifecycle.ts';
import type { TestSystem } from './system.ts';

/** Files a case as the given user and returns its view; fails the test on anything but 201. */
export async function fileAs(sys: TestSystem, token: string, overrides: Record<string, unknown> = {}) {
  const res = await sys.http.post('/cases').set('Authorization', token).set('Idempotency-Key', newKey()).send(filing(overrides));
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as {
    id: string;
    number: number;
    status: string;
    filedAt: string;
    dueAt: string;
    calendarVersion: number | null;
    possibleDuplicates: Array<{ id: string; reasons: string[] }>;
  };
}

/** Takes one lifecycle step over HTTP (its route is named as the action) and returns the response. */
export function step(sys: TestSystem, token: string, caseId: string, action: CaseAction, body: Record<string, unknown> = {}) {
  return sys.http.post(`/cases/${caseId}/${action}`).set('Authorization', token).send(body);
}

/** Takes one step that must succeed; returns the case after it. */
export async function stepOk(sys: TestSystem, token: string, caseId: string, action: CaseAction, body: Record<string, unknown> = {}) {
  const res = await step(sys, token, caseId, action, body);
  expect(res.status, `${action}: ${JSON.stringify(res.body)}`).toBe(200);
  return res.body;
}

export const historyTypes = (view: { history: Array<{ type: string }> }) => view.history.map((h) => h.type);
