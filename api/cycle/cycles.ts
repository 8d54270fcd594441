import { approveSummary, getCycle, openCycles, pendingLedger, submitLedger } from '../../domain/cycle/cycles.ts';
import {
  approveBody,
  cycleParams,
  cycleView,
  openedCyclesView,
  pendingLedgerView,
  submissionResponses,
  submissionView,
} from './cycles.schemas.ts';
import { errorBody, errorResponses } from '../errors.schemas.ts';
import { defineRoute } from '../route.ts';

export const cycleRoutes = [
  defineRoute({
    method: 'post',
    path: '/cycles/:cycle/open',
    operationId: 'openCycle',
    tag: 'cycle',
    summary:
      'Open a half-year’s ledger cycles now (the Schedule does it on the opening date); for a past half-year this is a backfill. Idempotent: answers which districts’ cycles this call started and which were opened before.',
    authenticated: true,
    roles: ['admin'],
    schemas: { params: cycleParams },
    responses: { 202: { description: 'The cycles run', schema: openedCyclesView }, ...errorResponses },
    handler: async ({ params, user, deps }) => ({
      status: 202,
      body: await openCycles({ prisma: deps.prisma, temporal: deps.temporal, settings: deps.config.cycles.settings }, user, params.cycle),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/cycles/:cycle',
    operationId: 'getCycle',
    tag: 'cycle',
    summary: 'The caller’s district cycle: phase, submissions, late units, and (for the district) the summary.',
    authenticated: true,
    roles: ['street_staff', 'district_officer'],
    schemas: { params: cycleParams },
    responses: { 200: { description: 'The cycle', schema: cycleView }, ...errorResponses },
    handler: async ({ params, user, deps }) => ({ status: 200, body: await getCycle(deps, user, params.cycle) }),
  }),
  defineRoute({
    method: 'get',
    path: '/cycles/:cycle/pending',
    operationId: 'listPendingLedgerCases',
    tag: 'cycle',
    summary: 'The regular cases the caller’s unit would submit with its ledger.',
    authenticated: true,
    roles: ['street_staff'],
    schemas: { params: cycleParams },
    responses: { 200: { description: 'Pending cases', schema: pendingLedgerView }, ...errorResponses },
    handler: async ({ user, deps }) => ({ status: 200, body: await pendingLedger(deps, user) }),
  }),
  defineRoute({
    method: 'post',
    path: '/cycles/:cycle/submission',
    operationId: 'submitLedger',
    tag: 'cycle',
    summary: 'Submit the unit’s ledger: its pending regular cases go to the district (late after the deadline).',
    authenticated: true,
    roles: ['street_staff'],
    schemas: { params: cycleParams },
    responses: submissionResponses(submissionView),
    handler: async ({ params, user, deps }) => ({ status: 200, body: await submitLedger(deps, user, params.cycle) }),
  }),
  defineRoute({
    method: 'post',
    path: '/cycles/:cycle/summary/approve',
    operationId: 'approveDistrictSummary',
    tag: 'cycle',
    summary: 'Approve (and annotate) the district summary held for review; the batch then goes to the city.',
    authenticated: true,
    roles: ['district_officer'],
    schemas: { params: cycleParams, body: approveBody },
    responses: { 200: { description: 'Approved' }, ...errorResponses, 409: { description: 'Not awaiting review', schema: errorBody } },
    handler: async ({ params, body, user, deps }) => ({ status: 200, body: await approveSummary(deps, user, params.cycle, body.note) }),
  }),
];
