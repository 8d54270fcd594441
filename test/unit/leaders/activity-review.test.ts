import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../model/directory/roles.ts';
import {
  ACTIVITY_REVIEW_LIFECYCLE as REVIEW,
  ACTIVITY_REVIEW_STATES,
  FINAL_ACTIVITY_REVIEW_STATES,
} from '../../../model/leaders/activity-review.ts';

describe('the activity review table', () => {
  it('lets a street/park clerk confirm or reject a pending activity, and nobody else do anything', () => {
    expect(REVIEW.allowedActions('pending', 'street_staff')).toEqual(['confirm', 'reject']);
    for (const role of ROLES.filter((r) => r !== 'street_staff')) {
      for (const state of ACTIVITY_REVIEW_STATES) expect(REVIEW.allowedActions(state, role)).toEqual([]);
    }
  });

  it('offers nothing once reviewed, and says why a second review is refused', () => {
    for (const state of FINAL_ACTIVITY_REVIEW_STATES) {
      for (const role of ROLES) expect(REVIEW.allowedActions(state, role)).toEqual([]);
      expect(REVIEW.refuse('confirm', state, 'street_staff')).toMatchObject({ kind: 'invalid_state', allowedFrom: ['pending'] });
    }
    expect(REVIEW.refuse('reject', 'pending', 'district_officer')).toMatchObject({ kind: 'forbidden' });
    // The wrong taker is named before the wrong state.
    expect(REVIEW.refuse('reject', 'confirmed', 'admin')).toMatchObject({ kind: 'forbidden' });
  });

  it('leads a recorded activity to pending, and each review to its own state only', () => {
    expect(REVIEW.targetOf('record', null)).toBe('pending');
    expect(REVIEW.targetOf('confirm', 'pending')).toBe('confirmed');
    expect(REVIEW.targetOf('reject', 'pending')).toBe('rejected');
    expect(() => REVIEW.targetOf('confirm', 'rejected')).toThrow(/cannot start/);
  });

  it('gives the routes their roles', () => {
    expect(REVIEW.rolesFor('record')).toEqual(['street_staff']);
    expect(REVIEW.rolesFor('confirm')).toEqual(['street_staff']);
    expect(REVIEW.rolesFor('reject')).toEqual(['street_staff']);
  });
});
