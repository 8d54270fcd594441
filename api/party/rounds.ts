import { commendationHeader, commendationRows, commendationSheetName } from '../../domain/party/commendations.ts';
import { feedbackFile, getFeedback, listFeedbackDeliveries, listFeedbackYears, openFeedback } from '../../domain/party/feedback.ts';
import { getRound, listRounds, nominate, openRound, roundStep } from '../../domain/party/rounds.ts';
import { writeCsv, writeXlsx } from '../../lib/tabular-writers.ts';
import { tableFileHeaders } from '../file-response.ts';
import { partyDepsOf } from '../deps.ts';
import { errorBody, errorResponses } from '../errors.schemas.ts';
import {
  commendationsQuery,
  decisionBody,
  emptyBody,
  feedbackFileParams,
  feedbackDeliveryList,
  feedbackFileQuery,
  feedbackOpened,
  feedbackView,
  feedbackYearList,
  nominateBody,
  pageOnly,
  returnBody,
  roundList,
  roundParams,
  roundsQuery,
  roundView,
  shortlistBody,
  yearParams,
} from './party.schemas.ts';
import { defineRoute } from '../route.ts';
import { downloadFileName } from '../../model/exports/download-names.ts';
import { ROUND_LIFECYCLE, ROUND_TRANSITIONS, type RoundAction } from '../../model/party/round-lifecycle.ts';

const READERS = ['street_staff', 'district_officer', 'admin'] as const;
const conflict = { 409: { description: 'Not possible in the round’s state, or over quota (quota_exceeded)', schema: errorBody } };

/**
 * The steps of a round after nominating, one route each: its path, and the body it takes. Who may
 * take each comes from the round's transition table.
 */
const ROUND_STEPS = [
  { step: 'shortlist', action: 'shortlist', body: shortlistBody, summary: 'Shortlist nominations.' },
  { step: 'decision', action: 'decide', body: decisionBody, summary: 'The committee selects from the shortlist.' },
  {
    step: 'submission',
    action: 'submit',
    body: emptyBody,
    summary: 'Submit the decided list to the district; refused (409 quota_exceeded) with more members than the quota.',
  },
  { step: 'approve', action: 'approve', body: emptyBody, summary: 'The district approves the list; the home units are informed.' },
  { step: 'return', action: 'return', body: returnBody, summary: 'The district returns the list for another decision.' },
] as const satisfies ReadonlyArray<{ step: string; action: RoundAction; body: unknown; summary: string }>;

export const partyRoundRoutes = [
  defineRoute({
    method: 'post',
    path: '/party/feedback/:year/open',
    operationId: 'openMemberFeedback',
    tag: 'party',
    summary: 'Open a year’s feedback to the home units now (the Schedule does it on December 1); for a past year a backfill. Idempotent.',
    authenticated: true,
    roles: ['admin'],
    schemas: { params: yearParams },
    responses: { 202: { description: 'Opening', schema: feedbackOpened }, ...errorResponses },
    handler: async ({ params, user, deps }) => ({ status: 202, body: await openFeedback(partyDepsOf(deps), user, params.year) }),
  }),
  defineRoute({
    method: 'get',
    path: '/party/feedback',
    operationId: 'listMemberFeedbackYears',
    tag: 'party',
    summary: 'A page of the years whose feedback has been opened, newest first, with the deliveries the caller may see.',
    authenticated: true,
    roles: READERS,
    schemas: { query: pageOnly },
    responses: { 200: { description: 'Feedback years', schema: feedbackYearList }, ...errorResponses },
    handler: async ({ query, user, deps }) => ({ status: 200, body: await listFeedbackYears(partyDepsOf(deps), user, query) }),
  }),
  defineRoute({
    method: 'get',
    path: '/party/feedback/:year/deliveries',
    operationId: 'listMemberFeedbackDeliveries',
    tag: 'party',
    summary:
      'A page of a year’s deliveries to the home units the caller may see: members and records in each, recipients, when, late or not.',
    authenticated: true,
    roles: READERS,
    schemas: { params: yearParams, query: pageOnly },
    responses: { 200: { description: 'Deliveries', schema: feedbackDeliveryList }, ...errorResponses },
    handler: async ({ params, query, user, deps }) => ({
      status: 200,
      body: await listFeedbackDeliveries(partyDepsOf(deps), user, params.year, query),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/party/feedback/:year',
    operationId: 'getMemberFeedback',
    tag: 'party',
    summary: 'The year’s feedback: its dates and the deliveries to the home units the caller may see.',
    authenticated: true,
    roles: READERS,
    schemas: { params: yearParams },
    responses: { 200: { description: 'The feedback', schema: feedbackView }, ...errorResponses },
    handler: async ({ params, user, deps }) => ({ status: 200, body: await getFeedback(partyDepsOf(deps), user, params.year) }),
  }),
  defineRoute({
    method: 'get',
    path: '/party/feedback/:year/units/:unitId',
    operationId: 'downloadMemberFeedback',
    tag: 'party',
    summary: 'The feedback document delivered to a home unit: XLSX as mailed, or `format=html` to read and print.',
    authenticated: true,
    roles: READERS,
    schemas: { params: feedbackFileParams, query: feedbackFileQuery },
    responses: { 200: { description: 'The document' }, ...errorResponses },
    handler: async ({ params, query, user, deps }) => ({
      status: 200,
      headers:
        query.format === 'xlsx'
          ? tableFileHeaders('xlsx', downloadFileName('memberFeedback', 'zh', params.year, 'xlsx'))
          : { 'Content-Type': 'text/html; charset=utf-8' },
      body: await feedbackFile(partyDepsOf(deps), user, params.year, params.unitId, query.format),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/party/rounds/:year/open',
    operationId: 'openRound',
    tag: 'party',
    summary: 'Open the caller’s street/park recommendation round for the year (quota from the members registered now). Idempotent.',
    authenticated: true,
    roles: ROUND_TRANSITIONS.open.by,
    schemas: { params: yearParams },
    responses: { 200: { description: 'The round', schema: roundView }, ...errorResponses },
    handler: async ({ params, user, deps }) => ({ status: 200, body: await openRound(partyDepsOf(deps), user, params.year) }),
  }),
  defineRoute({
    method: 'get',
    path: '/party/rounds/:year',
    operationId: 'listRounds',
    tag: 'party',
    summary: 'A page of the year’s rounds the caller may see (a phase narrows it), with the total.',
    authenticated: true,
    roles: READERS,
    schemas: { params: yearParams, query: roundsQuery },
    responses: { 200: { description: 'Rounds', schema: roundList }, ...errorResponses },
    handler: async ({ params, query, user, deps }) => ({
      status: 200,
      body: await listRounds(partyDepsOf(deps), user, params.year, { phase: query.phase }, query),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/party/rounds/:year/:unitId',
    operationId: 'getRound',
    tag: 'party',
    summary: 'A street/park’s round: phase, quota, nominations, and the steps the caller may take now (`allowedActions`).',
    authenticated: true,
    roles: READERS,
    schemas: { params: roundParams },
    responses: { 200: { description: 'The round', schema: roundView }, ...errorResponses },
    handler: async ({ params, user, deps }) => ({ status: 200, body: await getRound(partyDepsOf(deps), user, params.year, params.unitId) }),
  }),
  defineRoute({
    method: 'post',
    path: '/party/rounds/:year/:unitId/nominations',
    operationId: 'nominate',
    tag: 'party',
    summary: 'Nominate a registered member, or a branch with registered members, by the residents or by the organization.',
    authenticated: true,
    idempotency: 'optional',
    roles: ROUND_LIFECYCLE.rolesFor('nominate'),
    schemas: { params: roundParams, body: nominateBody },
    responses: { 200: { description: 'The round', schema: roundView }, ...errorResponses, ...conflict },
    handler: async ({ params, body, user, deps, idempotencyKey }) => ({
      status: 200,
      body: await nominate(partyDepsOf(deps), user, params.year, params.unitId, body, idempotencyKey),
    }),
  }),
  ...ROUND_STEPS.map(({ step, action, body, summary }) =>
    defineRoute({
      method: 'post',
      path: `/party/rounds/:year/:unitId/${step}`,
      operationId: `${action}Round`,
      tag: 'party',
      summary,
      authenticated: true,
      roles: ROUND_LIFECYCLE.rolesFor(action),
      schemas: { params: roundParams, body },
      responses: { 200: { description: 'The round', schema: roundView }, ...errorResponses, ...conflict },
      handler: async (ctx) => ({
        status: 200,
        body: await roundStep(partyDepsOf(ctx.deps), ctx.user, ctx.params.year, ctx.params.unitId, action, ctx.body),
      }),
    }),
  ),
  defineRoute({
    method: 'get',
    path: '/party/commendations/:year',
    operationId: 'exportCommendations',
    tag: 'party',
    summary:
      'The July 1 commendation list (approved rounds the caller may see): members and branches, CSV or XLSX, Chinese or English headers.',
    authenticated: true,
    roles: READERS,
    schemas: { params: yearParams, query: commendationsQuery },
    responses: { 200: { description: 'The file, streamed' }, ...errorResponses },
    handler: async ({ params, query, user, deps }) => {
      const rows = commendationRows(partyDepsOf(deps), user, params.year, query.lang);
      const header = commendationHeader(query.lang);
      return {
        status: 200,
        headers: tableFileHeaders(query.format, downloadFileName('commendations', query.lang, params.year, query.format)),
        body: undefined,
        stream: async (out) => {
          if (query.format === 'csv') await writeCsv(header, rows, out);
          else await writeXlsx(header, rows, out, commendationSheetName(params.year, query.lang));
        },
      };
    },
  }),
];
