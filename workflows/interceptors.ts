import { defaultPayloadConverter, type Headers } from '@temporalio/common';
import {
  workflowInfo,
  type Next,
  type WorkflowInboundCallsInterceptor,
  type WorkflowInterceptors,
  type WorkflowOutboundCallsInterceptor,
} from '@temporalio/workflow';
import { REQUEST_ID_HEADER, caseIdOfWorkflow } from './definitions.ts';
import { currentRequestId, withRequestId } from './request-context.ts';

/**
 * Not a workflow: the workflow interceptors every worker registers (bundled with the workflows). The
 * API request id in a start's, an Update's or a Signal's headers is the current request id while
 * that call runs; whatever the workflow schedules meanwhile carries it on in its headers, and the
 * workflow's own log lines name it (and the case, for a case's workflow).
 */
const requestIdIn = (headers: Headers): string | undefined => {
  const payload = headers[REQUEST_ID_HEADER];
  if (!payload) return undefined;
  const value: unknown = defaultPayloadConverter.fromPayload(payload);
  return typeof value === 'string' ? value : undefined;
};

const withCurrentRequestId = <I extends { headers: Headers }>(input: I): I => {
  const requestId = currentRequestId();
  return requestId === undefined
    ? input
    : { ...input, headers: { ...input.headers, [REQUEST_ID_HEADER]: defaultPayloadConverter.toPayload(requestId) } };
};

const inbound: WorkflowInboundCallsInterceptor = {
  execute: (input, next) => withRequestId(requestIdIn(input.headers), () => next(input)),
  handleUpdate: (input, next) => withRequestId(requestIdIn(input.headers), () => next(input)),
  validateUpdate: (input, next) => withRequestId(requestIdIn(input.headers), () => next(input)),
  handleSignal: (input, next) => withRequestId(requestIdIn(input.headers), () => next(input)),
};

const outbound: WorkflowOutboundCallsInterceptor = {
  scheduleActivity: (input, next) => next(withCurrentRequestId(input)),
  scheduleLocalActivity: (input, next) => next(withCurrentRequestId(input)),
  startChildWorkflowExecution: (input, next) => next(withCurrentRequestId(input)),
  signalWorkflow: (input, next) => next(withCurrentRequestId(input)),
  getLogAttributes: (input, next: Next<WorkflowOutboundCallsInterceptor, 'getLogAttributes'>) => {
    const requestId = currentRequestId();
    const caseId = caseIdOfWorkflow(workflowInfo().workflowId);
    return next({ ...input, ...(requestId ? { requestId } : {}), ...(caseId ? { caseId } : {}) });
  },
};

export const interceptors = (): WorkflowInterceptors => ({ inbound: [inbound], outbound: [outbound] });
