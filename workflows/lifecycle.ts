import { ApplicationFailure } from '@temporalio/common';
import { UPDATE_REJECTIONS, type ActionName, type CaseStatus, type Role } from './definitions.ts';

/**
 * Who may take which step from which state. The workflow's Update validators enforce it; the API
 * reads it to tell a caller what they can do next. Pure: safe in workflow code and in Node.
 */
export const ACTIONS = {
  submit: { roles: ['street_staff'], from: ['awaiting_submission'] },
  resubmit: { roles: ['street_staff'], from: ['returned_for_info'] },
  forward: { roles: ['district_officer'], from: ['district_review'] },
  solve: { roles: ['district_officer'], from: ['district_review'] },
  return: { roles: ['district_officer'], from: ['district_review'] },
  merge: { roles: ['district_officer'], from: ['district_review'] },
  reject: { roles: ['district_officer'], from: ['district_review'] },
  assign: { roles: ['municipal_liaison'], from: ['municipal_coordination'] },
  note: { roles: ['municipal_liaison'], from: ['municipal_coordination'] },
  resolve: { roles: ['municipal_liaison'], from: ['municipal_coordination'] },
  declareUnsolvable: { roles: ['municipal_liaison'], from: ['municipal_coordination'] },
  feedback: { roles: ['street_staff'], from: ['awaiting_feedback'] },
} as const satisfies Record<ActionName, { roles: readonly Role[]; from: readonly CaseStatus[] }>;

export type CaseAction = ActionName;
export const CASE_ACTIONS = Object.keys(ACTIONS) as CaseAction[];

export const TERMINAL_STATUSES: readonly CaseStatus[] = ['closed', 'rejected'];

export function availableActions(status: CaseStatus, role: Role): CaseAction[] {
  return CASE_ACTIONS.filter((action) => {
    const rule = ACTIONS[action];
    return (rule.roles as readonly Role[]).includes(role) && (rule.from as readonly CaseStatus[]).includes(status);
  });
}

/** Throws the failure an Update validator rejects with when the step is not allowed now. */
export function assertActionAllowed(action: CaseAction, status: CaseStatus, role: Role): void {
  const rule = ACTIONS[action];
  if (!(rule.roles as readonly Role[]).includes(role)) {
    throw ApplicationFailure.nonRetryable(`role ${role} may not ${action} a case`, UPDATE_REJECTIONS.forbidden);
  }
  if (!(rule.from as readonly CaseStatus[]).includes(status)) {
    throw ApplicationFailure.nonRetryable(
      `cannot ${action} while the case is ${status} (possible when ${rule.from.join(' or ')})`,
      UPDATE_REJECTIONS.invalidState,
    );
  }
}
