import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../model/directory/roles.ts';
import {
  APPENDIX_SUBMISSION_LIFECYCLE as APPENDIX,
  APPENDIX_SUBMISSION_STATES,
  owingState,
  submissionTransition,
  submittedState,
} from '../../../model/leaders/appendix-submission.ts';

describe('the appendix submission table', () => {
  it('lets a unit’s clerk submit while it owes, on time or late, and nobody else, never twice', () => {
    expect(APPENDIX.allowedActions('owing', 'street_staff')).toEqual(['submit']);
    expect(APPENDIX.allowedActions('overdue', 'street_staff')).toEqual(['submit']);
    for (const state of ['submitted', 'submitted_late'] as const) {
      for (const role of ROLES) expect(APPENDIX.allowedActions(state, role)).toEqual([]);
      expect(APPENDIX.refuse('submit', state, 'street_staff')).toMatchObject({ kind: 'invalid_state', allowedFrom: ['owing', 'overdue'] });
    }
    for (const role of ROLES.filter((r) => r !== 'street_staff')) {
      for (const state of APPENDIX_SUBMISSION_STATES) expect(APPENDIX.allowedActions(state, role)).toEqual([]);
    }
    expect(APPENDIX.refuse('submit', 'submitted', 'district_officer')).toMatchObject({ kind: 'forbidden' });
    expect(APPENDIX.rolesFor('submit')).toEqual(['street_staff']);
  });

  it('records a submission late exactly when the unit was overdue', () => {
    expect(APPENDIX.targetOf(submissionTransition(owingState(false)), 'owing')).toBe('submitted');
    expect(APPENDIX.targetOf(submissionTransition(owingState(true)), 'overdue')).toBe('submitted_late');
    expect(() => submissionTransition('submitted')).toThrow(/no submission/);
    expect(submittedState(true)).toBe('submitted_late');
    expect(submittedState(false)).toBe('submitted');
  });

  it('reminds only those that owe before the deadline and chases only the overdue', () => {
    expect(APPENDIX.transitions.remind).toMatchObject({ from: ['owing'], notices: ['reminder'] });
    expect(APPENDIX.transitions.chase).toMatchObject({ from: ['overdue'], notices: ['late'] });
    expect(APPENDIX.targetOf('passDeadline', 'owing')).toBe('overdue');
  });
});
