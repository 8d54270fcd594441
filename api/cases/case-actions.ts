import { performCaseAction } from '../../domain/cases/cases.ts';
import { ACTION_SCHEMAS, type ActionBody } from '../../model/cases/case-actions.ts';
import { CASE_ACTIONS, rolesFor, type CaseAction } from '../../model/cases/lifecycle.ts';
import { ACTION_SUMMARIES } from './case-actions.schemas.ts';
import { caseIdParams, caseView } from './cases.schemas.ts';
import { optionalIdempotencyHeaders } from '../idempotency.ts';
import { caseDepsOf } from '../deps.ts';
import { errorBody, errorResponses } from '../errors.schemas.ts';
import { defineRoute } from '../route.ts';

/** POST /cases/:id/<action>: one route per lifecycle step, named as `allowedActions` names it, all from the transition table. */
function caseActionRoute<A extends CaseAction>(action: A) {
  return defineRoute({
    method: 'post',
    path: `/cases/:id/${action}`,
    tag: 'cases',
    summary: ACTION_SUMMARIES[action],
    authenticated: true,
    roles: rolesFor(action),
    operationId: action,
    schemas: { params: caseIdParams, body: ACTION_SCHEMAS[action], headers: optionalIdempotencyHeaders },
    responses: {
      200: { description: 'Done; the case as it is now', schema: caseView },
      ...errorResponses,
      409: { description: 'Not possible in the case’s current state', schema: errorBody },
    },
    handler: async ({ params, body: parsed, headers, user, deps }) => ({
      status: 200,
      body: await performCaseAction(
        caseDepsOf(deps),
        user,
        params.id,
        action,
        // The route's own schema produced it; TypeScript cannot follow a schema picked by a generic action.
        parsed as ActionBody<A>,
        headers['idempotency-key'],
      ),
    }),
  });
}

export const caseActionRoutes = CASE_ACTIONS.map(caseActionRoute);
