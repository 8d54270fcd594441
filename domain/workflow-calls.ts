import { WorkflowNotFoundError, WorkflowUpdateFailedError, WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError } from '../lib/errors.ts';
import { UPDATE_REJECTIONS } from '../workflows/definitions.ts';

/** Runs an Update and turns the workflow's rejections into domain errors the API can map. */
export async function runUpdate<R>(call: () => Promise<R>): Promise<R> {
  try {
    return await call();
  } catch (error) {
    throw translateWorkflowError(error);
  }
}

function translateWorkflowError(error: unknown): unknown {
  if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure) {
    const { type, message } = error.cause;
    if (type === UPDATE_REJECTIONS.forbidden) return new DomainError('forbidden', message);
    if (type === UPDATE_REJECTIONS.invalidState) return new DomainError('invalid_transition', message);
    if (type === UPDATE_REJECTIONS.invalidInput) return new DomainError('validation_failed', message);
  }
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    // No worker answered in time (all busy or restarting): nothing was decided; the caller may retry.
    return new DomainError('service_unavailable', 'the case is busy; nothing was changed, try again in a few seconds');
  }
  if (error instanceof WorkflowNotFoundError) {
    return new DomainError('invalid_transition', 'not open for changes: it is closed, or was never opened');
  }
  return error;
}
