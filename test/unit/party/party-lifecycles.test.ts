import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../model/directory/roles.ts';
import type { Transition } from '../../../model/lifecycle.ts';
import { LIFECYCLES } from '../../../model/lifecycles.ts';
import {
  FINAL_ROUND_PHASES,
  ROUND_ACTIONS,
  ROUND_EVENT_TYPES,
  ROUND_LIFECYCLE,
  ROUND_NOTICES,
  ROUND_PHASES,
} from '../../../model/party/round-lifecycle.ts';
import { roundActionsFor } from '../../../model/party/rounds.ts';
import { RECORD_EVENTS, RECORD_LIFECYCLE, RECORD_STATES, recordStateOf } from '../../../model/party/record-lifecycle.ts';
import { REGISTRATION_EVENTS, REGISTRATION_LIFECYCLE, REGISTRATION_STATES } from '../../../model/party/registration-lifecycle.ts';
import { ORGANIZATION_EVENTS, ORGANIZATION_LIFECYCLE, organizationStateOf } from '../../../model/party/organization-lifecycle.ts';

type AnyLifecycle = { transitions: Record<string, Transition<string, string, string, string>> };

/** Each table of section Four (their shape is checked with every registered table, test/unit/system/lifecycle-shapes.test.ts). */
const PARTY_TABLES = [
  { name: 'round', lifecycle: ROUND_LIFECYCLE as AnyLifecycle, events: ROUND_EVENT_TYPES, notices: ROUND_NOTICES },
  { name: 'registration', lifecycle: REGISTRATION_LIFECYCLE as AnyLifecycle, events: REGISTRATION_EVENTS, notices: [] },
  { name: 'serviceRecord', lifecycle: RECORD_LIFECYCLE as AnyLifecycle, events: RECORD_EVENTS, notices: [] },
  { name: 'partyOrganization', lifecycle: ORGANIZATION_LIFECYCLE as AnyLifecycle, events: ORGANIZATION_EVENTS, notices: [] },
];

describe('a community or party branch', () => {
  it('is edited and retired while in use, by its unit’s clerk or an administrator, and retired for good', () => {
    expect(organizationStateOf({ retiredAt: null })).toBe('active');
    expect(organizationStateOf({ retiredAt: new Date() })).toBe('retired');
    for (const role of ['street_staff', 'admin'] as const) {
      expect(ORGANIZATION_LIFECYCLE.allowedActions('active', role)).toEqual(['edit', 'retire']);
      expect(ORGANIZATION_LIFECYCLE.allowedActions('retired', role)).toEqual([]);
    }
    expect(ORGANIZATION_LIFECYCLE.allowedActions('active', 'district_officer')).toEqual([]);
    expect(ORGANIZATION_LIFECYCLE.refuse('retire', 'retired', 'street_staff')).toMatchObject({
      kind: 'invalid_state',
      allowedFrom: ['active'],
    });
    expect(ORGANIZATION_LIFECYCLE.rolesFor('add')).toEqual(['street_staff', 'admin']);
  });
});

describe.each(PARTY_TABLES)('the $name transition table', ({ name, lifecycle, events, notices }) => {
  it('is listed with every lifecycle', () => {
    expect(LIFECYCLES[name as keyof typeof LIFECYCLES]).toBe(lifecycle);
  });

  it('records every event type and sends every notice it declares', () => {
    const transitions = Object.values(lifecycle.transitions);
    for (const event of events) expect(transitions.some((t) => t.event === event)).toBe(true);
    for (const notice of notices) expect(transitions.some((t) => t.notices.includes(notice))).toBe(true);
  });
});

describe('the recommendation round', () => {
  const east = { unitId: 'east', districtId: 'district' };
  const clerk = { role: 'street_staff', orgUnitId: 'east' } as const;
  const officer = { role: 'district_officer', orgUnitId: 'district' } as const;

  it('lets the street/park nominate, shortlist, decide and submit, and the district approve or return', () => {
    expect(ROUND_LIFECYCLE.allowedActions('nominating', 'street_staff')).toEqual(['nominate', 'shortlist']);
    expect(ROUND_LIFECYCLE.allowedActions('shortlisted', 'street_staff')).toEqual(['shortlist', 'decide']);
    expect(ROUND_LIFECYCLE.allowedActions('decided', 'street_staff')).toEqual(['decide', 'submit']);
    expect(ROUND_LIFECYCLE.allowedActions('returned', 'street_staff')).toEqual(['decide']);
    expect(ROUND_LIFECYCLE.allowedActions('submitted', 'street_staff')).toEqual([]);
    expect(ROUND_LIFECYCLE.allowedActions('submitted', 'district_officer')).toEqual(['approve', 'return']);
    for (const phase of ROUND_PHASES) expect(ROUND_LIFECYCLE.allowedActions(phase, 'admin')).toEqual([]);
    for (const phase of FINAL_ROUND_PHASES) for (const role of ROLES) expect(ROUND_LIFECYCLE.allowedActions(phase, role)).toEqual([]);
  });

  it('names the wrong role before the wrong phase', () => {
    expect(ROUND_LIFECYCLE.refuse('approve', 'nominating', 'street_staff')?.kind).toBe('forbidden');
    const early = ROUND_LIFECYCLE.refuse('approve', 'decided', 'district_officer');
    expect(early).toMatchObject({ kind: 'invalid_state', allowedFrom: ['submitted'] });
    expect(early?.message).toContain('while the round is decided');
    expect(ROUND_LIFECYCLE.refuse('submit', 'decided', 'street_staff')).toBeUndefined();
  });

  it('offers the steps only to the round’s own street/park and its district', () => {
    expect(roundActionsFor({ ...east, phase: 'decided' }, clerk)).toEqual(['decide', 'submit']);
    expect(roundActionsFor({ ...east, phase: 'decided' }, { ...clerk, orgUnitId: 'west' })).toEqual([]);
    expect(roundActionsFor({ ...east, phase: 'submitted' }, officer)).toEqual(['approve', 'return']);
    expect(roundActionsFor({ ...east, phase: 'submitted' }, { ...officer, orgUnitId: 'north' })).toEqual([]);
    expect(roundActionsFor({ ...east, phase: 'submitted' }, { role: 'admin', orgUnitId: 'district' })).toEqual([]);
  });

  it('moves by the table, with the system’s own moves outside the steps', () => {
    expect(ROUND_LIFECYCLE.targetOf('open', null)).toBe('nominating');
    expect(ROUND_LIFECYCLE.targetOf('nominate', 'nominating')).toBe('nominating');
    expect(ROUND_LIFECYCLE.targetOf('return', 'submitted')).toBe('returned');
    expect(ROUND_LIFECYCLE.targetOf('expire', 'submitted')).toBe('expired');
    expect(ROUND_LIFECYCLE.targetOf('remind', 'returned')).toBe('returned');
    expect(() => ROUND_LIFECYCLE.targetOf('expire', 'approved')).toThrow(/cannot start/);
    expect(() => ROUND_LIFECYCLE.targetOf('remind', 'submitted')).toThrow(/cannot start/);
    expect(ROUND_ACTIONS.every((action) => ROUND_LIFECYCLE.rolesFor(action).length === 1)).toBe(true);
  });
});

describe('a member’s registration', () => {
  it('is accepted while pending and moved while active, by the street/park', () => {
    expect(REGISTRATION_LIFECYCLE.allowedActions('pending', 'street_staff')).toEqual(['accept']);
    expect(REGISTRATION_LIFECYCLE.allowedActions('active', 'street_staff')).toEqual(['move']);
    expect(REGISTRATION_LIFECYCLE.allowedActions('ended', 'street_staff')).toEqual([]);
    for (const role of ['district_officer', 'municipal_liaison', 'admin'] as const)
      for (const state of REGISTRATION_STATES) expect(REGISTRATION_LIFECYCLE.allowedActions(state, role)).toEqual([]);
  });

  it('refuses a move while pending and an acceptance once active, and any step to other roles', () => {
    expect(REGISTRATION_LIFECYCLE.refuse('move', 'pending', 'street_staff')).toMatchObject({
      kind: 'invalid_state',
      allowedFrom: ['active'],
    });
    expect(REGISTRATION_LIFECYCLE.refuse('accept', 'active', 'street_staff')?.message).toBe(
      'cannot accept while the registration is active (possible when pending)',
    );
    expect(REGISTRATION_LIFECYCLE.refuse('accept', 'pending', 'district_officer')?.kind).toBe('forbidden');
    expect(REGISTRATION_LIFECYCLE.rolesFor('register')).toEqual(['street_staff']);
  });

  it('opens active or pending, by a registration or a move, and ends by the move', () => {
    expect(REGISTRATION_LIFECYCLE.targetOf('register', null, 'pending')).toBe('pending');
    expect(REGISTRATION_LIFECYCLE.targetOf('moveIn', null, 'active')).toBe('active');
    expect(() => REGISTRATION_LIFECYCLE.targetOf('register', null, 'ended')).toThrow(/cannot lead/);
    expect(REGISTRATION_LIFECYCLE.targetOf('moveOut', 'active')).toBe('ended');
    expect(() => REGISTRATION_LIFECYCLE.targetOf('moveOut', 'pending')).toThrow(/cannot start/);
  });
});

describe('a service record', () => {
  it('is confirmed only while it awaits confirmation, by the street/park', () => {
    expect(RECORD_STATES.map((state) => RECORD_LIFECYCLE.allowedActions(state, 'street_staff'))).toEqual([['confirm'], [], []]);
    for (const state of RECORD_STATES) expect(RECORD_LIFECYCLE.allowedActions(state, 'district_officer')).toEqual([]);
    expect(RECORD_LIFECYCLE.refuse('confirm', 'confirmed', 'street_staff')?.message).toBe(
      'cannot confirm while the record is confirmed (possible when awaiting_confirmation)',
    );
    expect(RECORD_LIFECYCLE.refuse('confirm', 'fed_back', 'street_staff')?.kind).toBe('invalid_state');
    expect(RECORD_LIFECYCLE.refuse('confirm', 'awaiting_confirmation', 'admin')?.kind).toBe('forbidden');
  });

  it('reads its state from the columns that keep it, and is fed back only once confirmed', () => {
    expect(recordStateOf({ confirmed: false, fedBackAt: null })).toBe('awaiting_confirmation');
    expect(recordStateOf({ confirmed: true, fedBackAt: null })).toBe('confirmed');
    expect(recordStateOf({ confirmed: true, fedBackAt: new Date('2101-12-24T01:00:00Z') })).toBe('fed_back');
    expect(RECORD_LIFECYCLE.targetOf('feedBack', 'confirmed')).toBe('fed_back');
    expect(() => RECORD_LIFECYCLE.targetOf('feedBack', 'awaiting_confirmation')).toThrow(/cannot start/);
  });
});
