import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ANNEX3_COLUMNS } from '../../../domain/exports/annex3.ts';
import { fileAs } from '../../support/case-steps.ts';
import { filing, newKey } from '../../support/fixtures.ts';
import { at, startPinnedTestSystem, type PinnedTime } from '../../support/pinned-time.ts';
import type { TestSystem } from '../../support/system.ts';

// Between 16:00 and 24:00 UTC the district (UTC+8) is already on the next date. The time-skipping
// test server is pinned on both sides of that line: one case is filed at 23:30 on Monday 2099-03-02
// in the district (15:30 UTC), one at 00:30 on Tuesday 03-03 (16:30 UTC, still Monday in UTC).
let time: PinnedTime;
let sys: TestSystem;
let east: string, district: string;
const MONDAY_LATE = at('2099-03-02 23:30');
const TUESDAY_EARLY = at('2099-03-03 00:30');
const ids: Record<'monday' | 'tuesday', string> = { monday: '', tuesday: '' };

let stop: () => Promise<void>;
beforeAll(async () => {
  ({ time, sys, stop } = await startPinnedTestSystem(import.meta.filename, at('2099-03-02 22:00')));
  east = await sys.login('east@ledger.test');
  district = await sys.login('district@ledger.test');
  await time.advanceTo(MONDAY_LATE);
  ids.monday = (await fileAs(sys, east, { title: 'District day: late on Monday' })).id;
  await time.advanceTo(TUESDAY_EARLY);
  ids.tuesday = (await fileAs(sys, east, { title: 'District day: early on Tuesday' })).id;
});
afterEach(() => sys.assertReconciled());
afterAll(() => stop?.());

const listed = async (query: Record<string, string>) =>
  (
    await sys.http
      .get('/cases')
      .query({ q: 'District day', ...query })
      .set('Authorization', district)
  ).body.items.map((c: { id: string }) => c.id);

describe('dates people give and read are district dates', () => {
  it('tells clients today’s district date (Tuesday at 00:30 there, still Monday in UTC)', async () => {
    const res = await sys.http.get('/settings').set('Authorization', district);
    expect(res.body).toEqual({ timeZone: 'Asia/Shanghai', today: '2099-03-03', currentCycle: '2099-H1' });
  });

  it('filters the case list by district days', async () => {
    expect(await listed({ filedFrom: '2099-03-03', filedTo: '2099-03-03' })).toEqual([ids.tuesday]);
    expect(await listed({ filedFrom: '2099-03-02', filedTo: '2099-03-02' })).toEqual([ids.monday]);
    expect(await listed({ filedFrom: '2099-03-02' })).toEqual([ids.tuesday, ids.monday]);
    expect(await listed({ filedTo: '2099-03-01' })).toEqual([]);
  });

  it('exports Annex 3 rows by district days, with district times and the district’s date in the file name', async () => {
    const res = await sys.http
      .get('/exports/annex3')
      .query({ format: 'csv', lang: 'en', filedFrom: '2099-03-02', filedTo: '2099-03-02' })
      .set('Authorization', district);
    expect(res.status).toBe(200);
    // 16:30 UTC on Monday 03-02 is Tuesday 03-03 in the district.
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="linkage-ledger-2099-03-03.csv"; filename*=UTF-8\'\'linkage-ledger-2099-03-03.csv',
    );
    const [header, ...rows] = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/)
      .map((line) => line.split(','));
    expect(header).toEqual(ANNEX3_COLUMNS.map((c) => c.en));
    const column = (en: string) => header!.indexOf(en);
    expect(rows.map((r) => r[column('Project or problem')])).toEqual(['District day: late on Monday']);
    expect(rows[0]![column('Filed at')]).toBe('2099-03-02 23:30');

    const tuesday = await sys.http
      .get('/exports/annex3')
      .query({ format: 'csv', lang: 'en', filedFrom: '2099-03-03' })
      .set('Authorization', district);
    expect(tuesday.text).toContain('2099-03-03 00:30');
    expect(tuesday.text).not.toContain('late on Monday');
  });

  it('counts statistics by district days', async () => {
    const day = async (date: string) =>
      (await sys.http.get('/statistics').query({ filedFrom: date, filedTo: date }).set('Authorization', district)).body.total.filed;
    expect(await day('2099-03-02')).toBe(1);
    expect(await day('2099-03-03')).toBe(1);
    expect(await day('2099-03-04')).toBe(0);
  });

  it('accepts a problem found today in the district, at 23:00 UTC, and refuses tomorrow', async () => {
    const file = (foundOn: string, urgent = false) =>
      sys.http
        .post('/cases')
        .set('Authorization', east)
        .set('Idempotency-Key', newKey())
        .send(filing({ foundOn, urgent, title: `District day: found on ${foundOn}` }));
    // 23:00 UTC on Monday 03-02 is 07:00 on Tuesday 03-03 in the district.
    await time.advanceTo(at('2099-03-03 07:00'));
    const today = await file('2099-03-03', true);
    expect(today.status, JSON.stringify(today.body)).toBe(201);
    expect(today.body.foundOn).toBe('2099-03-03');
    const tomorrow = await file('2099-03-04');
    expect(tomorrow.status).toBe(400);
    expect(tomorrow.body.error.code).toBe('validation_failed');
    expect(tomorrow.body.error.fields).toEqual([
      { path: 'body.foundOn', message: expect.stringContaining('2099-03-03'), params: { today: '2099-03-03' } },
    ]);

    // The urgent filing's notice gives its deadline (one working day) in district time, not UTC (23:00 on 03-03).
    const notice = await sys.smtp.mailbox.waitFor((m) => m.subject.includes(`Case #${today.body.number} filed`));
    expect(notice.text).toContain('Due: 2099-03-04 07:00 (Asia/Shanghai)');

    // The district's day ends at 16:00 UTC: minutes before, Wednesday is still tomorrow; at midnight it is today.
    await time.advanceTo(at('2099-03-03 23:55'));
    expect((await file('2099-03-04')).status).toBe(400);
    await time.advanceTo(at('2099-03-04 00:00'));
    expect((await file('2099-03-04')).status).toBe(201);
  });
});
