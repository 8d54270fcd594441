import { describe, expect, it } from 'vitest';
import { AT_CITY, AT_DISTRICT, AT_STREET, holdingLevelOf, refuseUpdate } from '../../../model/cases/lifecycle.ts';
import { offersOwnerStep, refuseOwnerStep } from '../../../model/cases/owner.ts';
import type { Actor } from '../../../model/directory/roles.ts';

const officer = (userId: string, orgUnitId = 'dist'): Actor => ({ userId, role: 'district_officer', orgUnitId });
const clerk = (userId: string, orgUnitId = 'east'): Actor => ({ userId, role: 'street_staff', orgUnitId });
const atDistrict = { level: 'district' as const, filingUnitId: 'east' };

describe('the level holding a case', () => {
  it('is the filing unit in its own ledger and when it waits for the reporter, the district and the city while they work it', () => {
    expect(AT_STREET).toEqual(['awaiting_submission', 'returned_for_info', 'awaiting_feedback']);
    expect(AT_DISTRICT).toEqual(['district_review']);
    expect(AT_CITY).toEqual(['municipal_coordination']);
    for (const status of ['closed', 'rejected', 'merged'] as const) expect(holdingLevelOf(status)).toBeNull();
  });

  it('gives each level’s staff the owner steps only while their level holds the case', () => {
    expect(refuseUpdate('take', 'district_review', 'district_officer')).toBeUndefined();
    expect(refuseUpdate('take', 'awaiting_submission', 'district_officer')?.kind).toBe('invalid_state');
    expect(refuseUpdate('take', 'district_review', 'street_staff')?.kind).toBe('invalid_state');
    expect(refuseUpdate('assignOwner', 'municipal_coordination', 'municipal_liaison')).toBeUndefined();
    expect(refuseUpdate('release', 'closed', 'street_staff')?.kind).toBe('invalid_state');
    expect(refuseUpdate('take', 'district_review', 'admin')?.kind).toBe('forbidden');
  });
});

describe('the owner rules the table cannot hold', () => {
  it('refuses taking what is already yours and releasing what nobody holds', () => {
    expect(refuseOwnerStep('take', { owner: null, actor: officer('a'), ...atDistrict })).toBeUndefined();
    expect(refuseOwnerStep('take', { owner: { userId: 'b' }, actor: officer('a'), ...atDistrict })).toBeUndefined();
    expect(refuseOwnerStep('take', { owner: { userId: 'a' }, actor: officer('a'), ...atDistrict })?.kind).toBe('invalid_state');
    expect(refuseOwnerStep('release', { owner: null, actor: officer('a'), ...atDistrict })?.kind).toBe('invalid_state');
    expect(refuseOwnerStep('release', { owner: { userId: 'b' }, actor: officer('a'), ...atDistrict })).toBeUndefined();
  });

  it('assigns only to a colleague of the same unit and role, and not to the one who holds it', () => {
    const facts = { owner: { userId: 'a' }, actor: officer('a'), ...atDistrict };
    expect(refuseOwnerStep('assignOwner', { ...facts, assignee: officer('b') })).toBeUndefined();
    expect(refuseOwnerStep('assignOwner', { ...facts, assignee: officer('c', 'north') })?.kind).toBe('forbidden');
    expect(refuseOwnerStep('assignOwner', { ...facts, assignee: clerk('d', 'dist') })?.kind).toBe('forbidden');
    expect(refuseOwnerStep('assignOwner', facts)?.kind).toBe('invalid_input');
    expect(refuseOwnerStep('assignOwner', { ...facts, assignee: officer('a') })?.kind).toBe('invalid_state');
  });

  it('lets only the filing unit’s staff own a case the unit holds', () => {
    const atStreet = { owner: null, level: 'street' as const, filingUnitId: 'east' };
    expect(refuseOwnerStep('take', { ...atStreet, actor: clerk('a') })).toBeUndefined();
    expect(refuseOwnerStep('take', { ...atStreet, actor: clerk('w', 'west') })?.kind).toBe('forbidden');
  });

  it('offers take unless the case is the caller’s, and release only while someone holds it', () => {
    expect(offersOwnerStep('take', null, 'a')).toBe(true);
    expect(offersOwnerStep('take', { userId: 'a' }, 'a')).toBe(false);
    expect(offersOwnerStep('release', null, 'a')).toBe(false);
    expect(offersOwnerStep('release', { userId: 'b' }, 'a')).toBe(true);
    expect(offersOwnerStep('assignOwner', null, 'a')).toBe(true);
  });
});
