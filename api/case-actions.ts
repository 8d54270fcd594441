import { performCaseAction } from '../domain/cases.ts';
import type { ActionName } from '../workflows/definitions.ts';
import { ACTIONS, CASE_ACTIONS } from '../workflows/lifecycle.ts';
import { ACTION_ROUTES, actionBodies } from './case-actions.schemas.ts';
import { caseIdParams, caseView } from './cases.schemas.ts';
import { errorBody, errorResponses } from './errors.schemas.ts';
import { caseDepsOf } from './deps.ts';
import { defineRoute } from './route.ts';

/** POST /cases/:id/<step>, one route per lifecycle step, all from the action table. */
export const caseActionRoutes = CASE_ACTIONS.map((action: ActionName) =>
  defineRoute({
    method: 'post',
    path: `/cases/:id/${ACTION_ROUTES[action].path}`,
    tag: 'lifecycle',
    summary: ACTION_ROUTES[action].summary,
    authenticated: true,
    roles: ACTIONS[action].roles,
    operationId: action,
    schemas: { params: caseIdParams, body: actionBodies[action] },
    responses: {
      200: { description: 'Done; the case as it is now', schema: caseView },
      ...errorResponses,
      409: { description: 'Not possible in the case’s current state', schema: errorBody },
    },
    handler: async ({ params, body, user, deps }) => ({
      status: 200,
      body: await performCaseAction(caseDepsOf(deps), user, params.id, action, body as never),
    }),
  }),
);
