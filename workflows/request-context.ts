import { context, type Context } from '@opentelemetry/api';
import { AsyncLocalStorage } from '@temporalio/workflow';

/**
 * The API request a piece of workflow code is running for: set by the inbound interceptors
 * (workflows/interceptors.ts) around a start, Update or Signal that carried one, and read by the
 * outbound ones to hand it on to activities, child workflows and signals. It goes into headers, log
 * lines and trace spans only, never into a decision, so it cannot make a replay differ.
 */
const requestIds = new AsyncLocalStorage<string | undefined>();

export const currentRequestId = (): string | undefined => requestIds.getStore();

/** Runs `fn` for the given request, or for none (undefined): the current one does not leak into it. */
export const withRequestId = <T>(requestId: string | undefined, fn: () => T): T => requestIds.run(requestId, fn);

/**
 * Where a piece of work comes from: the request (its id) and the trace span (the Update's or Signal's,
 * made by OpenTelemetry's interceptors) active when it was queued. Workflow code that does a request's
 * work later, in its main loop, takes the origin along and runs the work in it, so the activities
 * that work schedules log the request's id and trace as children of the request's span, not of the
 * workflow's own (which stays open while the case does).
 */
export type Origin = { readonly requestId: string | undefined; readonly trace: Context };

export const currentOrigin = (): Origin => ({ requestId: currentRequestId(), trace: context.active() });

/** Runs `fn` in the origin's request and span; with none (the workflow's own timers), for no request in the workflow's span. */
export const withOrigin = <T>(origin: Origin | undefined, fn: () => T): T =>
  origin === undefined ? withRequestId(undefined, fn) : withRequestId(origin.requestId, () => context.with(origin.trace, fn));
