import { Client, type Connection, type WorkflowClientInterceptor } from '@temporalio/client';
import { defaultPayloadConverter, type Headers } from '@temporalio/common';
import { OpenTelemetryWorkflowClientInterceptor } from '@temporalio/interceptors-opentelemetry';
import { currentRequest } from '../lib/request-context.ts';
import { REQUEST_ID_HEADER } from '../workflows/definitions.ts';

const withRequestId = (headers: Headers): Headers => {
  const request = currentRequest();
  return request ? { ...headers, [REQUEST_ID_HEADER]: defaultPayloadConverter.toPayload(request.requestId) } : headers;
};

/**
 * Puts the id of the API request being served into the headers of every workflow start, Update and
 * Signal it sends, so the workflow and the activities it causes log under the same request id
 * (workflows/interceptors.ts, activities/interceptors.ts).
 */
export const requestIdClientInterceptor: WorkflowClientInterceptor = {
  startWithDetails: (input, next) => next({ ...input, headers: withRequestId(input.headers) }),
  startUpdate: (input, next) => next({ ...input, headers: withRequestId(input.headers) }),
  startUpdateWithStart: (input, next) =>
    next({ ...input, workflowStartHeaders: withRequestId(input.workflowStartHeaders), updateHeaders: withRequestId(input.updateHeaders) }),
  signal: (input, next) => next({ ...input, headers: withRequestId(input.headers) }),
  signalWithStart: (input, next) => next({ ...input, headers: withRequestId(input.headers) }),
};

/**
 * The client every process of the system uses to reach its workflows: with the request id above, and
 * with a span for each call whose context goes along in the headers (the parent of the workflow's own
 * spans; a no-op unless tracing is started, lib/tracing.ts).
 */
export const createTemporalClient = (connection: Connection, namespace: string) =>
  new Client({
    connection,
    namespace,
    interceptors: { workflow: [requestIdClientInterceptor, new OpenTelemetryWorkflowClientInterceptor()] },
  });
