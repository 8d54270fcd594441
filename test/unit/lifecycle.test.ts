import { type ApplicationFailure } from '@temporalio/common';
import { describe, expect, it } from 'vitest';
import { CASE_STATUSES, ROLES, UPDATE_REJECTIONS } from '../../workflows/definitions.ts';
import { ACTIONS, CASE_ACTIONS, assertActionAllowed, availableActions } from '../../workflows/lifecycle.ts';

describe('the action table', () => {
  it('gives each role only its own steps', () => {
    expect(availableActions('district_review', 'district_officer')).toEqual(['forward', 'solve', 'return', 'merge', 'reject']);
    expect(availableActions('district_review', 'street_staff')).toEqual([]);
    expect(availableActions('awaiting_feedback', 'street_staff')).toEqual(['feedback']);
    expect(availableActions('municipal_coordination', 'municipal_liaison')).toEqual(['assign', 'note', 'resolve', 'declareUnsolvable']);
    for (const status of CASE_STATUSES) expect(availableActions(status, 'admin')).toEqual([]);
  });

  it('offers nothing on closed, rejected or merged cases', () => {
    for (const status of ['closed', 'rejected', 'merged'] as const) {
      for (const role of ROLES) expect(availableActions(status, role)).toEqual([]);
    }
  });

  it('rejects the wrong role before the wrong state, with the failure types the API maps', () => {
    const failure = (fn: () => void) => {
      try {
        fn();
      } catch (error) {
        return error as ApplicationFailure;
      }
      throw new Error('expected a rejection');
    };
    expect(failure(() => assertActionAllowed('forward', 'awaiting_submission', 'street_staff')).type).toBe(UPDATE_REJECTIONS.forbidden);
    const wrongState = failure(() => assertActionAllowed('forward', 'awaiting_submission', 'district_officer'));
    expect(wrongState.type).toBe(UPDATE_REJECTIONS.invalidState);
    expect(wrongState.message).toContain('district_review');
    expect(wrongState.nonRetryable).toBe(true);
    expect(() => assertActionAllowed('forward', 'district_review', 'district_officer')).not.toThrow();
  });

  it('agrees with availableActions for every action, status and role', () => {
    for (const action of CASE_ACTIONS) {
      for (const status of CASE_STATUSES) {
        for (const role of ROLES) {
          const allowed = availableActions(status, role).includes(action);
          expect(() => assertActionAllowed(action, status, role)).toSatisfy((fn: () => void) => {
            try {
              fn();
              return allowed;
            } catch {
              return !allowed;
            }
          });
        }
      }
    }
    expect(Object.keys(ACTIONS)).toHaveLength(12);
  });
});
