import { describe, expect, it } from 'vitest';
import { caseResumeOf } from '../../../domain/cases/resume.ts';
import type { Case } from '../../../generated/prisma/client.ts';
import type { DeadlinePolicy } from '../../../model/cases/case.ts';

const policy: DeadlinePolicy = {
  districtDays: 10,
  municipalDays: 20,
  urgentDistrictDays: 3,
  urgentMunicipalDays: 5,
  feedbackDays: 5,
  utcOffsetMinutes: 480,
};
const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

/** An urgent case at the district, filed Monday 7 December 2026 at 10:00 in the district, with a point beside its place. */
const row = (overrides: Partial<Case> = {}): Case => ({
  id: 'c1',
  number: 7,
  workflowId: 'case-c1',
  idempotencyKey: 'k',
  requestHash: 'h',
  filingUnitId: 'east',
  filedByUserId: 'u-east',
  kind: 'hard_problem',
  urgent: true,
  title: 'Street lights out',
  description: 'Dark for a month.',
  category: 'infrastructure',
  location: 'Elm Road',
  foundOn: at('2026-12-01T00:00:00Z'),
  triedLocally: 'Called twice.',
  helpNeeded: 'The utility.',
  reporterName: 'Li Wei',
  reporterContact: null,
  reporterEmail: null,
  status: 'district_review',
  responsibleLevel: 'district',
  dueAt: at('2026-12-10T02:00:00Z'),
  overdue: false,
  calendarVersion: null,
  eventSequence: 1,
  details: {},
  mergedIntoCaseId: null,
  filedAt: at('2026-12-07T02:00:00Z'),
  updatedAt: at('2026-12-07T02:00:00Z'),
  closedAt: null,
  forwardedToMunicipal: false,
  searchGrams: [],
  ownerUserId: null,
  ownerSequence: null,
  latitude: 31.2304,
  longitude: 121.4737,
  ...overrides,
});
const event = (sequence: number, type: string, iso: string, toStatus = 'district_review') => ({
  sequence,
  type,
  toStatus: toStatus as Case['status'],
  occurredAt: at(iso),
  data: {},
});
const facts = { policy, calendar: { holidays: new Set<string>(), workdays: new Set<string>() }, ownerOrgUnitId: null };

describe('an open case taken up again from its ledger row and events', () => {
  it('keeps the point the case was filed with, which the next projection writes over the row', () => {
    const resume = caseResumeOf(row(), [event(1, 'filed', '2026-12-07T02:00:00Z')], facts);
    expect(resume.filing.coordinates).toEqual({ latitude: 31.2304, longitude: 121.4737 });
    expect(caseResumeOf(row({ latitude: null, longitude: null }), [], facts).filing).not.toHaveProperty('coordinates');
  });

  it('runs the district clock from the filing on, moved on by the time the case was back with the street', () => {
    const events = [
      event(1, 'filed', '2026-12-07T02:00:00Z'),
      event(2, 'returned_for_info', '2026-12-07T04:00:00Z', 'returned_for_info'),
      event(3, 'resubmitted', '2026-12-07T07:00:00Z'),
      event(4, 'deadline_reminder_50', '2026-12-08T10:00:00Z'),
    ];
    const resume = caseResumeOf(row({ eventSequence: 4 }), events, facts);
    expect(resume.lastSequence).toBe(4);
    expect(resume.clock).toEqual({
      level: 'district',
      startedAt: at('2026-12-07T02:00:00Z').getTime() + 3 * HOUR,
      dueAt: at('2026-12-10T02:00:00Z').getTime(),
      sent: [50],
    });
  });

  it('keeps the clock paused while the case is back with the street, its deadline worked out again', () => {
    const events = [event(1, 'filed', '2026-12-07T02:00:00Z'), event(2, 'returned_for_info', '2026-12-08T02:00:00Z', 'returned_for_info')];
    const resume = caseResumeOf(row({ status: 'returned_for_info', dueAt: null, eventSequence: 2 }), events, facts);
    // Three working days from Monday 10:00: Thursday 10:00 in the district.
    expect(resume.clock).toMatchObject({
      level: 'district',
      pausedAt: at('2026-12-08T02:00:00Z').getTime(),
      dueAt: at('2026-12-10T02:00:00Z').getTime(),
    });
  });
});
