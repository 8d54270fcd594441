import { defaultPayloadConverter } from '@temporalio/common';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';
import { withRequest } from '../lib/request-context.ts';
import { REQUEST_ID_HEADER, caseIdOfWorkflow } from '../workflows/definitions.ts';

/**
 * Every activity's log lines (the SDK's own "Activity completed" or "Activity failed" among them)
 * name the API request that caused the activity, from the header its workflow handed on
 * (workflows/interceptors.ts), and the case when the workflow is a case's.
 */
export const requestLogAttributes: ActivityInterceptorsFactory = (context) => {
  let requestId: string | undefined;
  const caseId = caseIdOfWorkflow(context.info.workflowExecution?.workflowId ?? '');
  return {
    inbound: {
      execute: (input, next) => {
        const payload = input.headers[REQUEST_ID_HEADER];
        const value: unknown = payload ? defaultPayloadConverter.fromPayload(payload) : undefined;
        requestId = typeof value === 'string' ? value : undefined;
        // Workflows the activity calls in turn (a cycle moving its cases) hear of the same request.
        return requestId ? withRequest({ requestId }, () => next(input)) : next(input);
      },
    },
    outbound: {
      getLogAttributes: (attributes, next) => next({ ...attributes, ...(requestId ? { requestId } : {}), ...(caseId ? { caseId } : {}) }),
    },
  };
};
