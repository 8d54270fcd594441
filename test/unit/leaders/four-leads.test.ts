import { describe, expect, it } from 'vitest';
import { describeMissing, standingOf, zeroCounts, type Quotas } from '../../../model/leaders/four-leads.ts';
import { loadConfig } from '../../../lib/config.ts';
import { districtDateOf as districtDate, districtYear, districtYearOf } from '../../../lib/district-time.ts';

const QUOTAS: Quotas = {
  planning_meeting: 1,
  research_visit: 2,
  opinion_collection: 1,
  party_lecture: 1,
  public_service_project: 1,
  scheduling: 1,
};
const done = (counts: Partial<Quotas>) => ({ ...zeroCounts(), ...counts });

describe('the four leads', () => {
  it('a principal leader meets a lead only when every item of it is done', () => {
    const standing = standingOf('principal', done({ planning_meeting: 2, research_visit: 2, party_lecture: 1 }), QUOTAS);
    expect(standing.leads).toEqual({ planning: true, research: false, policy: true, helping: false });
    expect(standing.missing).toEqual(done({ opinion_collection: 1, public_service_project: 1, scheduling: 1 }));
    expect(standing).toMatchObject({ allFourMet: false, schedulingMet: false, behind: true });
    const all = standingOf('principal', { ...QUOTAS, research_visit: 3 }, QUOTAS);
    expect(all).toMatchObject({ allFourMet: true, schedulingMet: true, behind: false });
  });

  it('the four leads and scheduling are separate: all four met is not "nothing missing"', () => {
    const standing = standingOf('principal', { ...QUOTAS, scheduling: 0 }, QUOTAS);
    expect(standing).toMatchObject({ allFourMet: true, schedulingMet: false, behind: true });
  });

  it('team members owe nothing and are never behind; their work is still counted', () => {
    const standing = standingOf('team_member', done({ research_visit: 1 }), QUOTAS);
    expect(standing).toMatchObject({ required: zeroCounts(), allFourMet: null, schedulingMet: null, behind: false });
    expect(standing.done.research_visit).toBe(1);
    expect(standing.leads).toEqual({ planning: null, research: null, policy: null, helping: null });
  });

  it('says what is missing in the notice’s order', () => {
    expect(describeMissing(done({ research_visit: 2, scheduling: 1, public_service_project: 1 }))).toBe(
      '2 research visits, 1 public-service project, 1 scheduling participation',
    );
    expect(describeMissing(zeroCounts())).toBe('');
  });

  it('years and dates are the district’s (UTC+8 here), not the server’s', () => {
    expect(districtYear(2099, 480)).toEqual({ from: new Date('2098-12-31T16:00:00Z'), to: new Date('2099-12-31T16:00:00Z') });
    expect(districtDate(new Date('2099-12-31T16:30:00Z'), 480)).toBe('2100-01-01');
    expect(districtYearOf(new Date('2099-12-31T15:59:00Z'), 480)).toBe(2099);
  });
});

describe('quota configuration', () => {
  it('defaults to the notice’s minimums and two reminders', () => {
    const { leaders } = loadConfig({});
    expect(leaders.quotas).toEqual(QUOTAS);
    expect(leaders.reminderDates).toEqual(['09-01', '11-01']);
  });

  it('takes other minimums and reminder days, and names bad ones', () => {
    const { leaders } = loadConfig({ LEADER_QUOTA_RESEARCH_VISITS: '4', LEADER_REMINDER_DATES: '11-15, 06-30,11-15' });
    expect(leaders.quotas.research_visit).toBe(4);
    expect(leaders.reminderDates).toEqual(['06-30', '11-15']);
    expect(() => loadConfig({ LEADER_REMINDER_DATES: '09-01,02-30' })).toThrow(/LEADER_REMINDER_DATES/);
    expect(() => loadConfig({ LEADER_QUOTA_PARTY_LECTURES: '-1' })).toThrow(/LEADER_QUOTA_PARTY_LECTURES/);
  });
});
