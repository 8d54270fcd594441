import type { TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays } from '../../lib/working-days.ts';
import { fileAs, stepOk } from '../support/case-steps.ts';
import { startTimeSkippingTestSystem, type TestSystem } from '../support/system.ts';

// Deadlines are durable timers; the Java time-skipping test server lets days pass in milliseconds.
let env: TestWorkflowEnvironment;
let sys: TestSystem;
let east: string, district: string, admin: string;
const DAY = 86_400_000;
const POLICY = { urgentDistrictDays: 4, urgentMunicipalDays: 6, feedbackDays: 5, utcOffsetMinutes: 480 };

beforeAll(async () => {
  ({ env, sys } = await startTimeSkippingTestSystem(import.meta.filename, { deadlines: POLICY }));
  east = await sys.login('east@ledger.test');
  district = await sys.login('district@ledger.test');
  admin = await sys.login('admin@ledger.test');
});
afterEach(() => sys.assertReconciled());
afterAll(async () => {
  await sys?.stop();
  await env?.teardown();
});

const getCase = async (id: string) => (await sys.http.get(`/cases/${id}`).set('Authorization', district)).body;
const mailsFor = (number: number, fragment: string) =>
  sys.smtp.mailbox.messages().filter((m) => m.subject.includes(`Case #${number} `) && m.subject.includes(fragment));
const eventTypes = async (id: string) =>
  (await sys.db.prisma.caseEvent.findMany({ where: { caseId: id }, orderBy: { sequence: 'asc' } })).map((e) => e.type);

describe('deadlines, on the time-skipping test server', () => {
  it('reminds at 50 % and 75 % of the time and escalates at the deadline, each once', async () => {
    const filed = await fileAs(sys, east, { urgent: true, title: 'Deadline: blocked drain' });
    const start = Date.parse(filed.filedAt);
    const total = Date.parse(filed.dueAt) - start;
    expect(total).toBeGreaterThanOrEqual(4 * DAY);

    await env.sleep(total * 0.4);
    expect(await eventTypes(filed.id)).toEqual(['filed']);

    await env.sleep(total * 0.15);
    const half = await sys.smtp.mailbox.waitFor(
      (m) => m.subject.includes(`Case #${filed.number} `) && m.subject.includes('half of the time used'),
    );
    expect(half.to).toEqual(['district-org@ledger.test']);
    await env.sleep(total * 0.25);
    await sys.smtp.mailbox.waitFor((m) => m.subject.includes(`Case #${filed.number} `) && m.subject.includes('three quarters'));
    expect((await getCase(filed.id)).overdue).toBe(false);

    await env.sleep(total * 0.25);
    const overdue = await sys.smtp.mailbox.waitFor((m) => m.subject.includes(`Case #${filed.number} `) && m.subject.includes('OVERDUE'));
    expect(overdue.to).toEqual(['city-org@ledger.test', 'district-org@ledger.test']);
    await expect.poll(async () => (await getCase(filed.id)).overdue).toBe(true);
    const overdueList = await sys.http.get('/cases').query({ overdue: 'true' }).set('Authorization', district);
    expect(overdueList.body.items.map((c: { id: string }) => c.id)).toContain(filed.id);
    expect(await eventTypes(filed.id)).toEqual(['filed', 'deadline_reminder_50', 'deadline_reminder_75', 'deadline_overdue']);
    for (const fragment of ['half of the time used', 'three quarters', 'OVERDUE']) expect(mailsFor(filed.number, fragment)).toHaveLength(1);

    // Forwarding starts the municipal level's own clock; the overdue flag belongs to the old level.
    const forwarded = await stepOk(sys, district, filed.id, 'forward', { summary: 'Late, but needs the city.' });
    expect(forwarded).toMatchObject({ status: 'municipal_coordination', overdue: false });
    expect(Date.parse(forwarded.dueAt) - Date.parse(forwarded.updatedAt)).toBeGreaterThanOrEqual(6 * DAY);
  });

  it('pauses the clock while the case is back with the street for information', async () => {
    const filed = await fileAs(sys, east, { urgent: true, title: 'Deadline: missing manhole cover' });
    const total = Date.parse(filed.dueAt) - Date.parse(filed.filedAt);
    await env.sleep(total * 0.3);
    await stepOk(sys, district, filed.id, 'return', { questions: 'Which street exactly?' });
    await env.sleep(30 * DAY);
    expect(mailsFor(filed.number, 'half of the time used')).toHaveLength(0);
    expect(await eventTypes(filed.id)).toEqual(['filed', 'returned_for_info']);

    const resubmitted = await stepOk(sys, east, filed.id, 'resubmit', { edits: { location: 'Corner of Elm and Oak' } });
    const shift = Date.parse(resubmitted.dueAt) - Date.parse(filed.dueAt);
    expect(shift).toBeGreaterThanOrEqual(30 * DAY);
    expect(shift).toBeLessThan(31 * DAY);
    await env.sleep(total * 0.25);
    await sys.smtp.mailbox.waitFor((m) => m.subject.includes(`Case #${filed.number} `) && m.subject.includes('half of the time used'));
  });

  it('closes a resolved case when the reporter’s answer never comes', async () => {
    const filed = await fileAs(sys, east, { urgent: true, title: 'Deadline: graffiti on the school wall' });
    const solved = await stepOk(sys, district, filed.id, 'solve', { resolution: 'Painted over.' });
    expect(solved.status).toBe('awaiting_feedback');
    const waitFor = Date.parse(solved.dueAt) - Date.parse(solved.updatedAt);
    expect(waitFor).toBeGreaterThanOrEqual(5 * DAY);
    await env.sleep(waitFor + 60_000);
    await expect.poll(async () => (await getCase(filed.id)).status, { timeout: 15_000 }).toBe('closed');
    const closed = await getCase(filed.id);
    expect(closed.details.closedBecause).toBe('no_answer');
    expect(closed.history.at(-1)).toMatchObject({
      type: 'closed_without_answer',
      fromStatus: 'awaiting_feedback',
      toStatus: 'closed',
      actorRole: null,
    });
    await sys.smtp.mailbox.waitFor((m) => m.subject.includes(`Case #${filed.number} closed`));
  });

  it('counts working days on the admins’ calendar, and a running case keeps the version it started with', async () => {
    const now = new Date(await env.currentTimeMs());
    // The next ten weekdays become public holidays in version 1.
    const holidays: string[] = [];
    for (let d = 1; holidays.length < 10; d++) {
      const date = new Date(now.getTime() + 480 * 60_000 + d * DAY).toISOString().slice(0, 10);
      const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
      if (weekday !== 0 && weekday !== 6) holidays.push(date);
    }
    const v1 = await sys.http
      .put('/calendar')
      .set('Authorization', admin)
      .send({ note: 'test holidays', days: holidays.map((date) => ({ date, kind: 'holiday', name: 'Test holiday' })) });
    expect(v1.status).toBe(201);
    expect((await sys.http.put('/calendar').set('Authorization', district).send({ days: [] })).status).toBe(403);
    const badDay = await sys.http
      .put('/calendar')
      .set('Authorization', admin)
      .send({ days: [{ date: holidays[0], kind: 'workday' }] });
    expect(badDay.status).toBe(400);

    const filed = await fileAs(sys, east, { urgent: true, title: 'Deadline: calendar check' });
    const version = v1.body.version as number;
    expect(filed.calendarVersion).toBe(version);
    const calendar = { holidays: new Set(holidays), workdays: new Set<string>() };
    const expected = addWorkingDays(new Date(filed.filedAt), 4, calendar, 480).getTime();
    expect(Math.abs(Date.parse(filed.dueAt) - expected)).toBeLessThan(5_000);
    expect(Date.parse(filed.dueAt) - Date.parse(filed.filedAt)).toBeGreaterThan(14 * DAY);

    const v2 = await sys.http.put('/calendar').set('Authorization', admin).send({ note: 'holidays withdrawn', days: [] });
    expect(v2.body.version).toBe(version + 1);
    const forwarded = await stepOk(sys, district, filed.id, 'forward', { summary: 'To the city.' });
    expect(forwarded.calendarVersion).toBe(version);
    const expectedMunicipal = addWorkingDays(new Date(forwarded.updatedAt), 6, calendar, 480).getTime();
    expect(Math.abs(Date.parse(forwarded.dueAt) - expectedMunicipal)).toBeLessThan(5_000);

    const fresh = await fileAs(sys, east, { urgent: true, title: 'Deadline: after the calendar changed' });
    expect(fresh.calendarVersion).toBe(version + 1);
  });
});
