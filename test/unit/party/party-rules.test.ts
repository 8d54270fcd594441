import { describe, expect, it } from 'vitest';
import { commendationHeader } from '../../../domain/party/commendations.ts';
import { feedbackHtml, FEEDBACK_HEADER } from '../../../domain/party/feedback-document.ts';
import { feedbackSchedules } from '../../../domain/party/feedback.ts';
import { calendarSpecOf } from '../../../domain/system/schedules.ts';
import { loadConfig } from '../../../lib/config.ts';
import { districtDateOf as districtDate, districtMoment } from '../../../lib/district-time.ts';
import { feedbackSchedule, recommendationQuota, roundSchedule } from '../../../model/party/rules.ts';

describe('the recommendation quota', () => {
  it('is 15 % of the registered members, rounded half up by default', () => {
    expect([0, 3, 4, 10, 14, 20, 23, 100].map((n) => recommendationQuota(n, 15, 'round'))).toEqual([0, 0, 1, 2, 2, 3, 3, 15]);
  });
  it('rounds down or up when configured, exactly at whole numbers', () => {
    expect([10, 20, 23].map((n) => recommendationQuota(n, 15, 'floor'))).toEqual([1, 3, 3]);
    expect([10, 20, 23].map((n) => recommendationQuota(n, 15, 'ceil'))).toEqual([2, 3, 4]);
  });
});

describe('district dates', () => {
  it('reads a moment as the district’s calendar day (UTC+8)', () => {
    expect(districtDate(new Date('2101-11-20T16:30:00Z'), 480)).toBe('2101-11-21');
    expect(districtDate(new Date('2101-11-20T15:59:59Z'), 480)).toBe('2101-11-20');
    expect(districtMoment('2101-12-01', 9, 480).toISOString()).toBe('2101-12-01T01:00:00.000Z');
  });
  it('places the year-end feedback and the round deadlines in district time', () => {
    expect(feedbackSchedule(2101, { opens: '12-01', deliver: '12-24', deadline: '12-31' }, 480)).toEqual({
      opensAt: '2101-12-01T01:00:00.000Z',
      deliverAt: '2101-12-24T01:00:00.000Z',
      deadlineAt: '2101-12-31T16:00:00.000Z',
    });
    expect(roundSchedule(2101, '06-20', 480)).toEqual({ submitByAt: '2101-06-20T16:00:00.000Z', endsAt: '2101-12-31T16:00:00.000Z' });
  });
});

describe('configuration of section Four', () => {
  it('defaults to December 1 / 24 / 31, a weekly chase, June 20 and round(15 %)', () => {
    const { party } = loadConfig({});
    expect(party.feedback).toMatchObject({ dates: { opens: '12-01', deliver: '12-24', deadline: '12-31' }, chaseDays: 7 });
    expect(party.recommendation).toMatchObject({ submitBy: '06-20', quotaPercent: 15, quotaRounding: 'round' });
  });
  it('refuses dates out of order, a submission on or after July 1, and unknown rounding', () => {
    expect(() => loadConfig({ MEMBER_FEEDBACK_DELIVER: '11-20' })).toThrow(/MEMBER_FEEDBACK_DELIVER/);
    expect(() => loadConfig({ RECOMMENDATION_SUBMIT_BY: '07-01' })).toThrow(/RECOMMENDATION_SUBMIT_BY/);
    expect(() => loadConfig({ RECOMMENDATION_QUOTA_ROUNDING: 'bankers' })).toThrow(/RECOMMENDATION_QUOTA_ROUNDING/);
  });
  it('the Schedule opens the feedback at 09:00 on the configured day in the district’s zone', () => {
    const [schedule] = feedbackSchedules(loadConfig({ MEMBER_FEEDBACK_OPENS: '11-28' }));
    expect(calendarSpecOf(schedule!.moment, 'Asia/Shanghai')).toEqual({
      calendars: [{ month: 'NOVEMBER', dayOfMonth: 28, hour: 9, minute: 0 }],
      timezone: 'Asia/Shanghai',
    });
  });
});

describe('documents for other units', () => {
  it('have Chinese and English headers and no contact column', () => {
    expect(commendationHeader('zh')).toContain('所在单位');
    expect(commendationHeader('en')).toContain('Home unit');
    for (const header of [FEEDBACK_HEADER, commendationHeader('zh'), commendationHeader('en')])
      expect(header.join(' ')).not.toMatch(/contact|联系|电话|e-?mail/i);
  });
  it('the print view escapes what people typed', () => {
    const html = feedbackHtml({
      year: 2101,
      unitName: 'Bureau <b>',
      members: [{ memberNumber: 'A-1', name: '<script>x</script>', branch: null, records: [] }],
    });
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).not.toContain('<script>');
  });
});
