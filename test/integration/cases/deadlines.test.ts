import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fileAs, stepOk } from '../../support/case-steps.ts';
import { at, startPinnedTestSystem, type PinnedTime } from '../../support/pinned-time.ts';
import type { TestSystem } from '../../support/system.ts';

// Deadlines are durable timers; the Java time-skipping test server lets days pass in milliseconds.
// Each test starts at its own Monday 09:00 in the district, in 2099 (ahead of any real clock), and
// every deadline and reminder below is worked out by hand from that moment.
let time: PinnedTime;
let sys: TestSystem;
let east: string, district: string, admin: string;
const DAY = 86_400_000;
const MINUTE = 60_000;
// A step runs a little after the moment the test moved to (the machine may be busy): checks allow for it.
const MARGIN = 5 * MINUTE;
const POLICY = { urgentDistrictDays: 4, urgentMunicipalDays: 6, feedbackDays: 5, utcOffsetMinutes: 480 };

let stop: () => Promise<void>;
beforeAll(async () => {
  ({ time, sys, stop } = await startPinnedTestSystem(import.meta.filename, at('2099-03-02 08:00'), { deadlines: POLICY }));
  east = await sys.login('east@ledger.test');
  district = await sys.login('district@ledger.test');
  admin = await sys.login('admin@ledger.test');
});
afterEach(() => sys.assertReconciled());
afterAll(() => stop?.());

const getCase = async (id: string) => (await sys.http.get(`/cases/${id}`).set('Authorization', district)).body;
const mailsFor = (number: number, fragment: string) =>
  sys.smtp.mailbox.messages().filter((m) => m.subject.includes(`Case #${number} `) && m.subject.includes(fragment));
const waitForMail = (number: number, fragment: string) =>
  sys.smtp.mailbox.waitFor((m) => m.subject.includes(`Case #${number} `) && m.subject.includes(fragment));
const eventTypes = async (id: string) =>
  (await sys.db.prisma.caseEvent.findMany({ where: { caseId: id }, orderBy: { sequence: 'asc' } })).map((e) => e.type);
const justBefore = (moment: Date) => new Date(moment.getTime() - MARGIN);
const justAfter = (moment: Date) => new Date(moment.getTime() + MARGIN);
/** A due time the workflow computed from when a step happened: that step ran shortly after the pinned moment. */
const expectAbout = (iso: string, moment: Date) => expect(Math.abs(Date.parse(iso) - moment.getTime())).toBeLessThan(2 * MINUTE);

describe('deadlines, on the time-skipping test server', () => {
  it('reminds at 50 % and 75 % of the time and escalates at the deadline, each once', async () => {
    // Filed Monday 09:00 with 4 working days: due Friday 09:00; half the time is Wednesday 09:00, three quarters Thursday 09:00.
    await time.advanceTo(at('2099-03-02 09:00'));
    const filed = await fileAs(sys, east, { urgent: true, title: 'Deadline: blocked drain' });
    expectAbout(filed.filedAt, at('2099-03-02 09:00'));
    expect(Date.parse(filed.dueAt) - Date.parse(filed.filedAt)).toBe(4 * DAY);

    await time.advanceTo(justBefore(at('2099-03-04 09:00')));
    expect(await eventTypes(filed.id)).toEqual(['filed']);
    await time.advanceTo(justAfter(at('2099-03-04 09:00')));
    const half = await waitForMail(filed.number, 'half of the time used');
    expect(half.to).toEqual(['district-org@ledger.test']);

    await time.advanceTo(justAfter(at('2099-03-05 09:00')));
    await waitForMail(filed.number, 'three quarters');
    expect((await getCase(filed.id)).overdue).toBe(false);

    await time.advanceTo(justBefore(at('2099-03-06 09:00')));
    expect(mailsFor(filed.number, 'OVERDUE')).toEqual([]);
    await time.advanceTo(justAfter(at('2099-03-06 09:00')));
    const overdue = await waitForMail(filed.number, 'OVERDUE');
    expect(overdue.to).toEqual(['city-org@ledger.test', 'district-org@ledger.test']);
    await expect.poll(async () => (await getCase(filed.id)).overdue).toBe(true);
    const overdueList = await sys.http.get('/cases').query({ overdue: 'true' }).set('Authorization', district);
    expect(overdueList.body.items.map((c: { id: string }) => c.id)).toContain(filed.id);
    expect(await eventTypes(filed.id)).toEqual(['filed', 'deadline_reminder_50', 'deadline_reminder_75', 'deadline_overdue']);
    for (const fragment of ['half of the time used', 'three quarters', 'OVERDUE']) expect(mailsFor(filed.number, fragment)).toHaveLength(1);

    // Forwarding on Friday starts the municipal level's own clock (6 working days: Monday 2099-03-16);
    // the overdue flag belongs to the old level.
    const forwarded = await stepOk(sys, district, filed.id, 'forward', { summary: 'Late, but needs the city.' });
    expect(forwarded).toMatchObject({ status: 'municipal_coordination', overdue: false });
    expectAbout(forwarded.dueAt, justAfter(at('2099-03-16 09:00')));
  });

  it('pauses the clock while the case is back with the street for information', async () => {
    // Filed Monday 2099-03-23 09:00, due Friday 03-27 09:00; returned on Tuesday, answered 31 days later.
    await time.advanceTo(at('2099-03-23 09:00'));
    const filed = await fileAs(sys, east, { urgent: true, title: 'Deadline: missing manhole cover' });
    expectAbout(filed.dueAt, at('2099-03-27 09:00'));
    await time.advanceTo(at('2099-03-24 12:00'));
    await stepOk(sys, district, filed.id, 'return', { questions: 'Which street exactly?' });
    await time.advanceTo(at('2099-04-24 12:00'));
    expect(mailsFor(filed.number, 'half of the time used')).toHaveLength(0);
    expect(await eventTypes(filed.id)).toEqual(['filed', 'returned_for_info']);

    // The 31 paused days move the whole clock: due Monday 04-27 09:00, half the time Saturday 04-25 09:00.
    const resubmitted = await stepOk(sys, east, filed.id, 'resubmit', { edits: { location: 'Corner of Elm and Oak' } });
    expectAbout(resubmitted.dueAt, at('2099-04-27 09:00'));
    await time.advanceTo(justAfter(at('2099-04-25 09:00')));
    await waitForMail(filed.number, 'half of the time used');
  });

  it('closes a resolved case when the reporter’s answer never comes', async () => {
    // Solved Monday 2099-05-04 09:00; the reporter has 5 working days: until Monday 05-11 09:00.
    await time.advanceTo(at('2099-05-04 09:00'));
    const filed = await fileAs(sys, east, { urgent: true, title: 'Deadline: graffiti on the school wall' });
    const solved = await stepOk(sys, district, filed.id, 'solve', { resolution: 'Painted over.' });
    expect(solved.status).toBe('awaiting_feedback');
    expectAbout(solved.dueAt, at('2099-05-11 09:00'));
    await time.advanceTo(justBefore(at('2099-05-11 09:00')));
    expect((await getCase(filed.id)).status).toBe('awaiting_feedback');
    await time.advanceTo(justAfter(at('2099-05-11 09:00')));
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
    // Monday 2099-06-01 09:00; the ten weekdays after it become public holidays in version 1.
    await time.advanceTo(at('2099-06-01 09:00'));
    const holidays = ['02', '03', '04', '05', '08', '09', '10', '11', '12', '15'].map((day) => `2099-06-${day}`);
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

    // 4 working days after the holidays: Tue 16, Wed 17, Thu 18, Fri 19.
    const filed = await fileAs(sys, east, { urgent: true, title: 'Deadline: calendar check' });
    const version = v1.body.version as number;
    expect(filed.calendarVersion).toBe(version);
    expectAbout(filed.dueAt, at('2099-06-19 09:00'));

    const v2 = await sys.http.put('/calendar').set('Authorization', admin).send({ note: 'holidays withdrawn', days: [] });
    expect(v2.body.version).toBe(version + 1);
    // Still on version 1: 6 working days from the forward are Tue 16 ... Fri 19, Mon 22, Tue 23.
    const forwarded = await stepOk(sys, district, filed.id, 'forward', { summary: 'To the city.' });
    expect(forwarded.calendarVersion).toBe(version);
    expectAbout(forwarded.dueAt, at('2099-06-23 09:00'));

    // A case filed now counts on version 2, without the holidays: due Friday 06-05.
    const fresh = await fileAs(sys, east, { urgent: true, title: 'Deadline: after the calendar changed' });
    expect(fresh.calendarVersion).toBe(version + 1);
    expectAbout(fresh.dueAt, at('2099-06-05 09:00'));
  });

  it('gives a regular case the urgent, shorter deadline of an urgent duplicate merged into it', async () => {
    // West's regular case is submitted Monday 2099-07-06 09:00: the district has 10 working days, until Monday 07-20 09:00.
    const west = await sys.login('west@ledger.test');
    await time.advanceTo(at('2099-07-06 09:00'));
    const primary = await fileAs(sys, west, { urgent: false, title: 'Deadline: broken water main' });
    const submitted = await stepOk(sys, west, primary.id, 'submit');
    expectAbout(submitted.dueAt, at('2099-07-20 09:00'));
    expect(submitted.urgent).toBe(false);

    // East reports the same thing as urgent on Tuesday 09:00 (4 working days: Monday 07-13 09:00); the district merges it.
    await time.advanceTo(at('2099-07-07 09:00'));
    const duplicate = await fileAs(sys, east, { urgent: true, title: 'Deadline: water main burst' });
    expectAbout(duplicate.dueAt, at('2099-07-13 09:00'));
    await stepOk(sys, district, duplicate.id, 'merge', { primaryCaseId: primary.id });
    await expect.poll(async () => (await getCase(primary.id)).urgent).toBe(true);
    const urgentNow = await getCase(primary.id);
    expect(urgentNow.dueAt).toBe(duplicate.dueAt);
    expect(urgentNow.history.at(-1)).toMatchObject({ type: 'duplicate_attached', linkedCase: { number: duplicate.number } });
    // The ledger row and the triage inbox show the new deadline.
    const row = await sys.db.prisma.case.findUniqueOrThrow({ where: { id: primary.id } });
    expect(row).toMatchObject({ urgent: true, dueAt: new Date(duplicate.dueAt) });
    const inbox = await sys.http.get('/cases').query({ status: 'district_review', sort: 'due' }).set('Authorization', district);
    expect(inbox.body.items.find((c: { id: string }) => c.id === primary.id)).toMatchObject({ urgent: true, dueAt: duplicate.dueAt });

    // Overdue at the urgent deadline, a week before the regular one would have been.
    await time.advanceTo(justBefore(at('2099-07-13 09:00')));
    expect(mailsFor(primary.number, 'OVERDUE')).toEqual([]);
    await time.advanceTo(justAfter(at('2099-07-13 09:00')));
    await waitForMail(primary.number, 'OVERDUE');
    await expect.poll(async () => (await getCase(primary.id)).overdue).toBe(true);

    // The city then has the urgent 6 working days, not the regular 20: Tuesday 07-21 09:00.
    const forwarded = await stepOk(sys, district, primary.id, 'forward', { summary: 'Needs the water company.' });
    expectAbout(forwarded.dueAt, justAfter(at('2099-07-21 09:00')));
  });
});
