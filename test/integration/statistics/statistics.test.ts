import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fileAs, stepOk } from '../../support/case-steps.ts';
import { projectedAndBackfilled } from '../../support/backfill.ts';
import { at, startPinnedTestSystem } from '../../support/pinned-time.ts';
import type { TestSystem } from '../../support/system.ts';

let sys: TestSystem;
let stop: () => Promise<void>;
let district: string;
const ids: Record<string, string> = {};

// A small ledger whose figures are worked out by hand below, all of it on Monday 2099-03-02 from
// 10:00 in the district (the time-skipping server pinned there): the 2099-H1 half-year, and no
// district midnight between a filing and its result.
beforeAll(async () => {
  ({ sys, stop } = await startPinnedTestSystem(import.meta.filename, at('2099-03-02 10:00')));
  const east = await sys.login('east@ledger.test');
  const west = await sys.login('west@ledger.test');
  district = await sys.login('district@ledger.test');
  const city = await sys.login('city@ledger.test');

  // East: A solved by the district, reporter satisfied; B resolved by the city, reporter not satisfied (reopened); C waiting.
  ids.a = (await fileAs(sys, east, { urgent: true, title: 'Stats A', category: 'streetlights', location: 'Elm Road 1-40' })).id;
  await stepOk(sys, district, ids.a, 'solve', { resolution: 'Lamps replaced.' });
  await stepOk(sys, east, ids.a, 'feedback', { satisfied: true });
  ids.b = (await fileAs(sys, east, { urgent: true, title: 'Stats B', category: 'drainage', location: 'Canal Street' })).id;
  await stepOk(sys, district, ids.b, 'forward', { summary: 'City.' });
  await stepOk(sys, city, ids.b, 'resolve', { resolution: 'Pump installed.' });
  await stepOk(sys, east, ids.b, 'feedback', { satisfied: false, reason: 'Still floods.' });
  ids.c = (await fileAs(sys, east, { title: 'Stats C', category: 'noise', location: 'Harbour Road' })).id;

  // West: D rejected (same problem and place as A: a repeat across units); E declared unsolvable by the city.
  ids.d = (await fileAs(sys, west, { urgent: true, title: 'Stats D', category: 'Streetlights', location: 'elm road 10-80' })).id;
  await stepOk(sys, district, ids.d, 'reject', { reason: 'Already reported by East Street.' });
  ids.e = (await fileAs(sys, west, { urgent: true, title: 'Stats E', category: 'land', location: 'Hill Farm' })).id;
  await stepOk(sys, district, ids.e, 'forward', { summary: 'City.' });
  await stepOk(sys, city, ids.e, 'declareUnsolvable', { reason: 'A court matter.', referTo: 'Court' });
});
afterEach(() => sys.assertReconciled());
afterAll(() => stop?.());

describe('GET /statistics', () => {
  it('matches the figures worked out by hand', async () => {
    const res = await sys.http.get('/statistics').set('Authorization', district);
    expect(res.status).toBe(200);
    const byCode = Object.fromEntries(res.body.units.map((u: { unit: { code: string } }) => [u.unit.code, u]));
    expect(byCode['ST-EAST']).toMatchObject({
      filed: 3,
      open: 2,
      forwarded: 1,
      solvedAtDistrict: 1,
      solvedAtMunicipal: 0,
      unsolvable: 0,
      rejected: 0,
      overdue: 0,
      resolutionWorkingDays: { resolved: 2, median: 0, p90: 0 },
      satisfaction: { answers: 2, satisfied: 1, rate: 0.5 },
    });
    expect(byCode['ST-WEST']).toMatchObject({
      filed: 2,
      open: 1,
      forwarded: 1,
      solvedAtDistrict: 0,
      unsolvable: 1,
      rejected: 1,
      resolutionWorkingDays: { resolved: 1 },
      satisfaction: { answers: 0, satisfied: 0, rate: null },
    });
    expect(res.body.total).toMatchObject({ filed: 5, open: 3, forwarded: 2, solvedAtDistrict: 1, unsolvable: 1, rejected: 1 });
    expect(res.body.breakdown).toEqual({
      byKind: { hard_problem: 5 },
      byCategory: { drainage: 1, land: 1, noise: 1, streetlights: 2 },
      byStatus: { awaiting_feedback: 1, awaiting_submission: 1, closed: 1, municipal_coordination: 1, rejected: 1 },
      byHalfYear: { '2099-H1': 5 },
    });
    expect(res.body.repeatedProblems).toEqual({
      total: 1,
      items: [{ category: 'streetlights', place: 'elm road', cases: 2, units: 2, cycles: ['2099-H1'] }],
      nextCursor: null,
    });
    const cases = await sys.http
      .get('/statistics/repeated-problems/cases')
      .query({ category: 'streetlights', place: 'elm road' })
      .set('Authorization', district);
    expect(cases.status).toBe(200);
    expect(cases.body).toEqual({
      cases: [expect.objectContaining({ id: ids.a }), expect.objectContaining({ id: ids.d })],
      nextCursor: null,
    });
    const firstOnly = await sys.http
      .get('/statistics/repeated-problems/cases')
      .query({ category: 'Streetlights', place: 'Elm Road', limit: 1 })
      .set('Authorization', district);
    expect(firstOnly.body.cases.map((c: { id: string }) => c.id)).toEqual([ids.a]);
    const next = await sys.http
      .get('/statistics/repeated-problems/cases')
      .query({ category: 'streetlights', place: 'elm road', limit: 1, cursor: firstOnly.body.nextCursor })
      .set('Authorization', district);
    expect(next.body).toEqual({ cases: [expect.objectContaining({ id: ids.d })], nextCursor: null });
  });

  it('pages the repeated problems and lists their cases only within the caller’s scope', async () => {
    const east = await sys.login('east@ledger.test');
    const eastView = await sys.http
      .get('/statistics/repeated-problems/cases')
      .query({ category: 'streetlights', place: 'elm road' })
      .set('Authorization', east);
    expect(eastView.body.cases.map((c: { id: string }) => c.id)).toEqual([ids.a]);
    const page = await sys.http.get('/statistics').query({ repeatedLimit: 1, repeatedCursor: 'nonsense' }).set('Authorization', district);
    expect(page.status).toBe(400);
    const tooMany = await sys.http.get('/statistics').query({ repeatedLimit: 1000 }).set('Authorization', district);
    expect(tooMany.status).toBe(400);
  });

  it('keeps the same columns the backfill migration computes from the events', async () => {
    const { projected, backfilled } = await projectedAndBackfilled(sys.db.url);
    expect(backfilled).toEqual(projected);
    expect(projected.facts.length).toBeGreaterThan(0);
  });

  it('stays within the caller’s scope and validates its filters', async () => {
    const east = await sys.http.get('/statistics').set('Authorization', await sys.login('east@ledger.test'));
    expect(east.body.units.map((u: { unit: { code: string } }) => u.unit.code)).toEqual(['ST-EAST']);
    const city = await sys.http.get('/statistics').set('Authorization', await sys.login('city@ledger.test'));
    expect(city.body.total.filed).toBe(2);
    const past = await sys.http.get('/statistics').query({ cycle: '2098-H2' }).set('Authorization', district);
    expect(past.body.total.filed).toBe(0);
    const half = await sys.http.get('/statistics').query({ cycle: '2099-H1' }).set('Authorization', district);
    expect(half.body.total.filed).toBe(5);
    const bad = await sys.http.get('/statistics').query({ cycle: 'last year', unit: 'x' }).set('Authorization', district);
    expect(bad.status).toBe(400);
  });
});
