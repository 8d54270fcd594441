import { AsyncLocalStorage } from '@temporalio/workflow';

/**
 * The API request a piece of workflow code is running for: set by the inbound interceptors
 * (workflows/interceptors.ts) around a start, Update or Signal that carried one, and read by the
 * outbound ones to hand it on to activities, child workflows and signals. Workflow code that does a
 * request's work later (a queue processed by the main loop) takes it along with `currentRequestId`
 * and runs the work inside `withRequestId`. It goes into headers and log lines only, never into a
 * decision, so it cannot make a replay differ.
 */
const requestIds = new AsyncLocalStorage<string | undefined>();

export const currentRequestId = (): string | undefined => requestIds.getStore();

/** Runs `fn` for the given request, or for none (undefined): the current one does not leak into it. */
export const withRequestId = <T>(requestId: string | undefined, fn: () => T): T => requestIds.run(requestId, fn);
