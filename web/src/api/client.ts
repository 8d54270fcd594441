import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './generated/openapi.ts';
import { CASE_STEP_PATHS } from './generated/case-steps.ts';

export type { paths };
type Json<P extends keyof paths, M extends 'get' | 'post' | 'put', S extends number = 200> = paths[P][M] extends {
  responses: { [K in S]: { content: { 'application/json': infer T } } };
}
  ? T
  : never;

export type CaseView = Json<'/cases/{id}', 'get'>;
export type CaseSummary = Json<'/cases', 'get'>['items'][number];
export type CaseStatus = CaseSummary['status'];
/** What the case view lists as allowed: the steps, and `attach` (adding a file, which has its own form). */
export type CaseAllowedAction = CaseView['allowedActions'][number];
export type CaseStep = keyof typeof CASE_STEP_PATHS;
export const isCaseStep = (action: CaseAllowedAction): action is CaseStep => action in CASE_STEP_PATHS;
export type LookAlike = Json<'/look-alikes', 'get'>['items'][number];
export type OrgUnit = Json<'/org-units', 'get'>['items'][number];
export type Session = Json<'/auth/login', 'post'>;
export type Role = Session['user']['role'];
export type CycleView = Json<'/cycles/{cycle}', 'get'>;
export type Statistics = Json<'/statistics', 'get'>;
export type ExportJob = Json<'/exports/jobs/{id}', 'get'>;
export type SavedView = Json<'/views', 'get'>['items'][number];
export type Worklists = Json<'/worklists', 'get'>;
export type Bell = Json<'/bell', 'get'>;
export type Colleague = Json<'/colleagues', 'get'>['items'][number];
export type CaseListQuery = NonNullable<paths['/cases']['get']['parameters']['query']>;
export type ApiError = Json<'/cases/{id}', 'get', 404>['error'];
export type FiledCase = Json<'/cases', 'post', 201>;
export type { components };

/** The body each case step takes, looked up by its action name. */
export type StepBody<A extends CaseStep> = NonNullable<
  paths[(typeof CASE_STEP_PATHS)[A]]['post']['requestBody']
>['content']['application/json'];

let bearer: string | undefined;
let onUnauthenticated: () => void = () => {};
let acceptLanguage = 'zh-CN';

/** The API words its errors in the language of the screen (Accept-Language). */
export function configureLanguage(language: 'zh' | 'en') {
  acceptLanguage = language === 'zh' ? 'zh-CN' : 'en';
}

/** The session module tells the client which token to send and what to do when it is refused. */
export function configureAuth(token: string | undefined, expired: () => void) {
  bearer = token;
  onUnauthenticated = expired;
}

const auth: Middleware = {
  onRequest({ request }) {
    for (const [name, value] of Object.entries(apiHeaders())) request.headers.set(name, value);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && !new URL(request.url).pathname.startsWith('/auth/login')) onUnauthenticated();
    return response;
  },
};

/**
 * Same-origin client. `cache: 'no-cache'` revalidates every read with If-None-Match, so the
 * polling that keeps lists and cases fresh costs a 304 when nothing changed.
 */
export const api = createClient<paths>({ baseUrl: window.location.origin, cache: 'no-cache' });
api.use(auth);

export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly error: ApiError | undefined,
  ) {
    super(error?.message ?? `HTTP ${status}`);
  }
}

/** Unwraps an openapi-fetch answer: the data, or an ApiFailure carrying the API's error body. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data !== undefined && result.response.ok) return result.data;
  throw failureOf(result);
}

/** For a call that answers with no body (204): nothing when done, the API's refusal as `unwrap` throws it. */
export function expectDone(result: { error?: unknown; response: Response }): void {
  if (!result.response.ok) throw failureOf(result);
}

function failureOf(result: { error?: unknown; response: Response }) {
  const body = result.error as { error?: ApiError } | undefined;
  return new ApiFailure(result.response.status, body?.error);
}

/** What every call to the API sends: the token, and the language its errors are to be worded in. */
export function apiHeaders(): Record<string, string> {
  return { 'Accept-Language': acceptLanguage, ...(bearer ? { Authorization: `Bearer ${bearer}` } : {}) };
}

/** Calls a case step by its action name; the URL comes from the generated table, so it follows the API. */
export async function performStep<A extends CaseStep>(caseId: string, action: A, body: StepBody<A>): Promise<CaseView> {
  const response = await fetch(CASE_STEP_PATHS[action].replace('{id}', encodeURIComponent(caseId)), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...apiHeaders() },
    body: JSON.stringify(body),
  });
  if (response.status === 401) onUnauthenticated();
  const json: unknown = await response.json();
  if (!response.ok) throw new ApiFailure(response.status, (json as { error?: ApiError }).error);
  return json as CaseView;
}
