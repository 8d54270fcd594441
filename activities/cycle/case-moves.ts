import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { ForwardWithBatchRequest, SubmitWithLedgerRequest } from '../../model/cases/case-actions.ts';
import { UPDATE_REJECTIONS, caseCycleUpdates, workflowIdForCase } from '../../workflows/definitions.ts';
import type { ActivityDeps } from '../deps.ts';

export type CaseMove =
  | { move: 'submitWithLedger'; caseId: string; request: SubmitWithLedgerRequest }
  | { move: 'forwardWithBatch'; caseId: string; request: ForwardWithBatchRequest };
export type CaseMoveResult = { caseId: string; accepted: true } | { caseId: string; accepted: false; reason: string };

const REFUSALS: readonly string[] = [UPDATE_REJECTIONS.forbidden, UPDATE_REJECTIONS.invalidState];

export function createCaseMoveActivities({ temporal }: Pick<ActivityDeps, 'temporal'>) {
  return {
    /**
     * One move of the half-year cycle on one case, as an Update of the case: the answer says whether
     * the case took it (a case that moved on since the cycle read the ledger refuses). The update id
     * is fixed by the caller, so a retried attempt gets the first attempt's answer, never a second move.
     */
    async moveCaseWithCycle(input: CaseMove & { updateId: string }): Promise<CaseMoveResult> {
      const handle = temporal.workflow.getHandle(workflowIdForCase(input.caseId));
      try {
        if (input.move === 'submitWithLedger') {
          await handle.executeUpdate(caseCycleUpdates.submitWithLedger, { args: [input.request], updateId: input.updateId });
        } else {
          await handle.executeUpdate(caseCycleUpdates.forwardWithBatch, { args: [input.request], updateId: input.updateId });
        }
        return { caseId: input.caseId, accepted: true };
      } catch (error) {
        if (
          error instanceof WorkflowUpdateFailedError &&
          error.cause instanceof ApplicationFailure &&
          REFUSALS.includes(error.cause.type ?? '')
        ) {
          return { caseId: input.caseId, accepted: false, reason: error.cause.message };
        }
        // The case's workflow has ended (closed or rejected): it takes no more moves.
        if (error instanceof WorkflowNotFoundError) return { caseId: input.caseId, accepted: false, reason: 'the case is closed' };
        throw error;
      }
    },
  };
}
