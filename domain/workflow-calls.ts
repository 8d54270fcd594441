import {
  ServiceError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
  isGrpcServiceError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { DomainError, type ErrorCode } from '../lib/errors.ts';
import { UPDATE_REJECTIONS } from '../workflows/definitions.ts';
import { QUOTA_EXCEEDED } from '../model/party/rounds.ts';
import { refusalError, refusalIn, ruleRefusalIn } from './lifecycle-steps.ts';
import { hashRequest } from '../lib/request-hash.ts';

/**
 * An Update's id from the caller's Idempotency-Key: Temporal keeps one Update per id in a run, so the
 * same step sent again with its key (after a 503 that may have come after Temporal took it) joins the
 * first one and gets its outcome. Without a key, every call is a new Update.
 */
export const updateIdFor = (step: string, userId: string, idempotencyKey: string | undefined, body: unknown) =>
  idempotencyKey ? `${step}-${hashRequest({ userId, idempotencyKey, body })}` : undefined;

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
    const { type, message, details } = error.cause;
    const refusal = refusalIn(details ?? undefined);
    if (refusal) return refusalError(refusal);
    // A rule's refusal carries its words; one without them still gets its code's message in the reader's language.
    const rule = ruleRefusalIn(details ?? undefined);
    const code = type ? ERROR_OF_REJECTION[type] : undefined;
    if (code) return new DomainError(code, rule?.said ?? { log: message }, undefined, undefined, rule?.params);
  }
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) {
    // No answer within the request's deadline: Temporal is down, or no worker took the Update in time
    // (all busy or restarting). It may still be applied if it had been accepted, so the caller looks first.
    return new DomainError('service_unavailable', {
      zh: '工作流服务未及时应答，请稍后重试（请先刷新查看：此操作可能已经完成）',
      en: 'no answer in time from Temporal or its workers; try again in a few seconds (look first: the step may have been taken)',
    });
  }
  if (isTemporalUnavailable(error)) {
    return new DomainError('service_unavailable', {
      zh: '工作流服务暂时无法连接，请稍后重试',
      en: 'Temporal is not reachable right now; try again shortly',
    });
  }
  if (error instanceof WorkflowNotFoundError) {
    return new DomainError('invalid_transition', {
      zh: '已结束或尚未开始，不能再修改',
      en: 'not open for changes: it is closed, or was never opened',
    });
  }
  return error;
}

const ERROR_OF_REJECTION: Partial<Record<string, ErrorCode>> = {
  [UPDATE_REJECTIONS.forbidden]: 'forbidden',
  [UPDATE_REJECTIONS.invalidState]: 'invalid_transition',
  [UPDATE_REJECTIONS.invalidInput]: 'validation_failed',
  [QUOTA_EXCEEDED]: 'quota_exceeded',
};

/** gRPC statuses that mean the server could not be reached or did not answer within the request's deadline. */
const GRPC_DEADLINE_EXCEEDED = 4;
const GRPC_UNAVAILABLE = 14;

/**
 * True when a Temporal call failed because the server is down, unreachable or too slow for the
 * request's deadline (the client wraps the gRPC error in a ServiceError: "Update-With-Start failed",
 * "Failed to start Workflow"). Nothing the caller asked for is known to have happened.
 */
export function isTemporalUnavailable(error: unknown): boolean {
  const grpcError = error instanceof ServiceError ? error.cause : error;
  return isGrpcServiceError(grpcError) && (grpcError.code === GRPC_UNAVAILABLE || grpcError.code === GRPC_DEADLINE_EXCEEDED);
}
