import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fileAs, stepOk } from '../../support/case-steps.ts';
import { at, startPinnedTestSystem, type PinnedTime } from '../../support/pinned-time.ts';
import type { TestSystem } from '../../support/system.ts';

// The work queues' order is the server's: overdue first, then the nearest deadline, paged with a
// cursor that carries that order's key. Urgent cases filed a day apart on the time-skipping server
// (4 working days for the district, 6 for the city) get deadlines a day apart; the first one is
// let go overdue.
let time: PinnedTime;
let sys: TestSystem;
let east: string, west: string, district: string, city: string;
let stop: () => Promise<void>;
const POLICY = { urgentDistrictDays: 4, urgentMunicipalDays: 6, utcOffsetMinutes: 480 };

beforeAll(async () => {
  ({ time, sys, stop } = await startPinnedTestSystem(import.meta.filename, at('2099-03-02 08:00'), { deadlines: POLICY }));
  east = await sys.login('east@ledger.test');
  west = await sys.login('west@ledger.test');
  district = await sys.login('district@ledger.test');
  city = await sys.login('city@ledger.test');
});
afterEach(() => sys.assertReconciled());
afterAll(() => stop?.());

type Page = { items: Array<{ id: string; title: string; overdue: boolean; dueAt: string | null }>; nextCursor: string | null };
const list = async (token: string, query: Record<string, string | number>) => {
  const res = await sys.http.get('/cases').query(query).set('Authorization', token);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Page;
};
const titles = (page: Page) => page.items.map((c) => c.title);

describe('the work queues, ordered and paged by the server', () => {
  it('lists the district inbox overdue first, then by deadline, across pages; the default stays newest first', async () => {
    const filedOn = ['2099-03-02 09:00', '2099-03-03 09:00', '2099-03-04 09:00', '2099-03-05 09:00'];
    for (const [i, moment] of filedOn.entries()) {
      await time.advanceTo(at(moment));
      await fileAs(sys, i % 2 ? west : east, { urgent: true, title: `Queue ${'ABCD'[i]}` });
    }
    // Friday 09:05: A (due Friday 09:00) has gone overdue; E is filed now, due next Thursday.
    await time.advanceTo(at('2099-03-06 09:05'));
    await expect.poll(async () => (await list(district, { overdue: 'true' })).items.map((c) => c.title)).toEqual(['Queue A']);
    await fileAs(sys, east, { urgent: true, title: 'Queue E' });
    await fileAs(sys, east, { urgent: false, title: 'Not submitted yet' });

    const queue = { status: 'district_review', sort: 'due', limit: 3 };
    const first = await list(district, queue);
    expect(titles(first)).toEqual(['Queue A', 'Queue B', 'Queue C']);
    expect(first.items.map((c) => c.overdue)).toEqual([true, false, false]);
    const second = await list(district, { ...queue, cursor: first.nextCursor! });
    expect(titles(second)).toEqual(['Queue D', 'Queue E']);
    expect(second.nextCursor).toBeNull();
    const dueTimes = [...first.items, ...second.items].slice(1).map((c) => Date.parse(c.dueAt!));
    expect(dueTimes).toEqual([...dueTimes].sort((a, b) => a - b));

    const newest = await list(district, { status: 'district_review', limit: 3 });
    expect(titles(newest)).toEqual(['Queue E', 'Queue D', 'Queue C']);

    // A cursor belongs to its order: handed to the other one, it is a bad cursor, not a wrong page.
    for (const [cursor, sort] of [
      [first.nextCursor!, 'newest'],
      [newest.nextCursor!, 'due'],
    ]) {
      const res = await sys.http
        .get('/cases')
        .query({ ...queue, sort, cursor })
        .set('Authorization', district);
      expect(res.status).toBe(400);
      expect(res.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['query.cursor']);
    }
    const unknownSort = await sys.http.get('/cases').query({ sort: 'oldest' }).set('Authorization', district);
    expect(unknownSort.status).toBe(400);
  });

  it('lists the municipal coordination queue by the city’s deadlines, not by filing date', async () => {
    const byTitle = new Map((await list(district, { status: 'district_review', limit: 10 })).items.map((c) => [c.title, c.id]));
    // C goes to the city on Friday, D (filed after C) on Monday: C's city deadline comes first.
    await stepOk(sys, district, byTitle.get('Queue C')!, 'forward', { summary: 'Needs the city.' });
    await time.advanceTo(at('2099-03-09 10:00'));
    await stepOk(sys, district, byTitle.get('Queue D')!, 'forward', { summary: 'Needs the city too.' });

    const queue = { status: 'municipal_coordination', sort: 'due', limit: 1 };
    const first = await list(city, queue);
    const second = await list(city, { ...queue, cursor: first.nextCursor! });
    expect([...titles(first), ...titles(second)]).toEqual(['Queue C', 'Queue D']);
    expect(second.nextCursor).toBeNull();
    expect(titles(await list(city, { status: 'municipal_coordination' }))).toEqual(['Queue D', 'Queue C']);
  });
});
