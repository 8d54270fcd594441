import { issueApiKey, listApiKeys, revokeApiKey } from '../../domain/open311/api-keys.ts';
import { API_KEY_LIFECYCLE } from '../../model/open311/api-key.ts';
import { errorBody, errorResponses } from '../errors.schemas.ts';
import { defineRoute } from '../route.ts';
import { apiKeyIdParams, apiKeyList, apiKeyView, issueApiKeyBody, issuedApiKey, listApiKeysQuery } from './open311.schemas.ts';

/** The administrators' side of Open311: the api_keys other systems call GeoReport v2 with. */
export const apiKeyRoutes = [
  defineRoute({
    method: 'post',
    path: '/open311/keys',
    operationId: 'issueOpen311ApiKey',
    tag: 'open311',
    summary:
      'Issue an Open311 api_key for an org unit: requests posted with it are filed as that unit’s cases, and keyed reads see what the unit may see. The answer shows the key once; only its hash is kept.',
    authenticated: true,
    roles: API_KEY_LIFECYCLE.rolesFor('issue'),
    idempotency: 'optional',
    schemas: { body: issueApiKeyBody },
    responses: { 201: { description: 'Issued', schema: issuedApiKey }, ...errorResponses },
    handler: async ({ body, user, deps }) => {
      const { key, ...view } = await issueApiKey(deps, user, body);
      return { status: 201, body: { ...view, key }, keptBody: view };
    },
  }),
  defineRoute({
    method: 'get',
    path: '/open311/keys',
    operationId: 'listOpen311ApiKeys',
    tag: 'open311',
    summary:
      'The Open311 api_keys a page at a time with their total, newest first, by the first characters of the key (the key itself is never shown again).',
    authenticated: true,
    roles: ['admin'],
    schemas: { query: listApiKeysQuery },
    responses: { 200: { description: 'A page of keys', schema: apiKeyList }, ...errorResponses },
    handler: async ({ query, user, deps }) => ({ status: 200, body: await listApiKeys(deps.prisma, user, query) }),
  }),
  defineRoute({
    method: 'post',
    path: '/open311/keys/:id/revoke',
    operationId: 'revokeOpen311ApiKey',
    tag: 'open311',
    summary: 'Revoke an Open311 api_key: from now on every request with it is refused (403).',
    authenticated: true,
    roles: API_KEY_LIFECYCLE.rolesFor('revoke'),
    schemas: { params: apiKeyIdParams },
    responses: {
      200: { description: 'Revoked', schema: apiKeyView },
      ...errorResponses,
      409: { description: 'Already revoked', schema: errorBody },
    },
    handler: async ({ params, user, deps }) => ({ status: 200, body: await revokeApiKey(deps, user, params.id) }),
  }),
];
