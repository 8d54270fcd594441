import { caseFunding, recordFunding } from '../../domain/party/funds.ts';
import { partyDepsOf } from '../deps.ts';
import { errorResponses } from '../errors.schemas.ts';
import { fundBody, fundingView, idParams } from './party.schemas.ts';
import { defineRoute } from '../route.ts';

export const partyFundRoutes = [
  defineRoute({
    method: 'post',
    path: '/cases/:id/funds',
    operationId: 'recordFunding',
    tag: 'party',
    summary: 'Record that a public-service project of the caller’s ledger is funded from the community party organization’s service funds.',
    authenticated: true,
    idempotency: 'required',
    roles: ['street_staff'],
    schemas: { params: idParams, body: fundBody },
    responses: { 201: { description: 'Recorded', schema: fundingView }, ...errorResponses },
    handler: async ({ params, body, user, deps }) => ({ status: 201, body: await recordFunding(partyDepsOf(deps), user, params.id, body) }),
  }),
  defineRoute({
    method: 'get',
    path: '/cases/:id/funds',
    operationId: 'listFunding',
    tag: 'party',
    summary: 'The service funds a case’s project received, with amount and approval.',
    authenticated: true,
    schemas: { params: idParams },
    responses: { 200: { description: 'Funding', schema: fundingView }, ...errorResponses },
    handler: async ({ params, user, deps }) => ({ status: 200, body: await caseFunding(partyDepsOf(deps), user, params.id) }),
  }),
];
