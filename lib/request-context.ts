import { AsyncLocalStorage } from 'node:async_hooks';

/** The API request a piece of server code is working for (the route wrapper sets it around each handler). */
export type RequestContext = { requestId: string; userId?: string };

const requests = new AsyncLocalStorage<RequestContext>();

export const currentRequest = (): RequestContext | undefined => requests.getStore();

export const withRequest = <T>(context: RequestContext, fn: () => T): T => requests.run(context, fn);
