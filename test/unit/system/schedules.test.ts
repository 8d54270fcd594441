import { describe, expect, it } from 'vitest';
import { cycleSchedules } from '../../../domain/cycle/cycles.ts';
import { quotaSchedules } from '../../../domain/leaders/quota-trackers.ts';
import { feedbackSchedules } from '../../../domain/party/feedback.ts';
import { allSchedules, calendarSpecOf, catchUpWorkflowId } from '../../../domain/system/schedules.ts';
import { loadConfig } from '../../../lib/config.ts';

const config = loadConfig({ LOG_LEVEL: 'silent' });
/** A district moment (UTC+8), as people read it. */
const at = (districtTime: string) => new Date(`${districtTime.replace(' ', 'T')}:00+08:00`);
/** The periods each Schedule has missed at a moment, by Schedule id. */
const missedAt = (moment: Date) =>
  Object.fromEntries(allSchedules(config).map((s) => [s.scheduleId, s.missedPeriod(moment)?.period ?? null]));

describe('a Schedule made after its moment has passed', () => {
  it('misses the half-year it opens only between its opening day and its deadline', () => {
    const [h1, h2] = cycleSchedules(config);
    expect(h2!.missedPeriod(at('2026-12-01 08:59'))).toBeUndefined();
    expect(h2!.missedPeriod(at('2026-12-01 09:00'))).toEqual({
      period: '2026-H2',
      args: [{ cycle: '2026-H2', settings: config.cycles.settings }],
    });
    expect(h2!.missedPeriod(at('2026-12-25 23:59'))?.period).toBe('2026-H2');
    // From December 26 the half-year is over: opening it now would only freeze it at once.
    expect(h2!.missedPeriod(at('2026-12-26 00:00'))).toBeUndefined();
    expect(h1!.missedPeriod(at('2027-06-10 12:00'))?.period).toBe('2027-H1');
    expect(h1!.missedPeriod(at('2027-06-26 00:00'))).toBeUndefined();
  });

  it('misses the member feedback from its opening day until its deadline, and the trackers all year', () => {
    const [feedback] = feedbackSchedules(config);
    const [quota] = quotaSchedules(config);
    expect(feedback!.missedPeriod(at('2026-11-30 12:00'))).toBeUndefined();
    expect(feedback!.missedPeriod(at('2026-12-07 10:00'))).toEqual({
      period: '2026',
      args: [{ year: 2026, settings: config.party.feedback }],
    });
    expect(quota!.missedPeriod(at('2027-01-01 00:04'))).toBeUndefined();
    expect(quota!.missedPeriod(at('2027-01-01 00:05'))).toEqual({ period: '2027', args: [{ year: 2027, settings: config.leaders }] });
  });

  it('names every missed period in the district, on 7 December and in mid-August', () => {
    expect(missedAt(at('2026-12-07 10:00'))).toEqual({
      'ledger-cycle-h1': null,
      'ledger-cycle-h2': '2026-H2',
      'member-feedback': '2026',
      'leader-quota-trackers': '2026',
    });
    expect(missedAt(at('2026-08-15 10:00'))).toEqual({
      'ledger-cycle-h1': null,
      'ledger-cycle-h2': null,
      'member-feedback': null,
      'leader-quota-trackers': '2026',
    });
  });

  it('starts a missed period under an id that names it, so a restart finds it started', () => {
    const [, h2] = cycleSchedules(config);
    expect(catchUpWorkflowId(h2!, '2026-H2')).toBe('open-cycles-h2-catch-up-2026-H2');
    expect(calendarSpecOf(h2!.moment, config.districtTime.zone)).toEqual({
      calendars: [{ month: 'DECEMBER', dayOfMonth: 1, hour: 9, minute: 0 }],
      timezone: config.districtTime.zone,
    });
  });
});
