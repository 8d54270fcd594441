import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shipNationalHolidays } from '../../../domain/calendar/calendar.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

// The calendar a district starts with (what `npm start` and the API do at boot), read back as the admin's screen reads it.
let sys: TestSystem;
let admin: string;
beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename);
  admin = await sys.login('admin@ledger.test');
});
afterAll(() => sys?.stop());

type CalendarView = { version: number; note: string | null; days: Array<{ date: string; kind: string; name: string | null }> };
const calendar = async () => (await sys.http.get('/calendar').set('Authorization', admin)).body as CalendarView;

describe('the published national holidays', () => {
  it('are the first calendar, saved once however many instances start together, with where they came from', async () => {
    expect((await calendar()).version).toBe(0);
    const starts = await Promise.all([1, 2, 3].map(() => shipNationalHolidays(sys.db.prisma, 'zh')));
    expect(starts.filter((s) => s.shipped)).toHaveLength(1);
    const first = await calendar();
    expect(first.version).toBe(1);
    expect(first.note).toContain('国务院办公厅关于2026年部分节假日安排的通知');
    expect(first.days).toContainEqual({ date: '2026-02-16', kind: 'holiday', name: '春节' });
    expect(first.days).toContainEqual({ date: '2026-02-28', kind: 'workday', name: '春节调休上班' });
  });

  it('never overwrite what an admin saved', async () => {
    const saved = await sys.http
      .put('/calendar')
      .set('Authorization', admin)
      .send({ days: [{ date: '2027-02-08', kind: 'holiday', name: '春节' }], note: '2027 年放假安排公布前的临时安排' });
    expect(saved.status, JSON.stringify(saved.body)).toBe(201);
    expect(await shipNationalHolidays(sys.db.prisma, 'zh')).toEqual({ shipped: false });
    expect(await calendar()).toMatchObject({ version: saved.body.version, days: [{ date: '2027-02-08', kind: 'holiday', name: '春节' }] });
  });
});
