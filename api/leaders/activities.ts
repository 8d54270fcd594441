import { getActivity, listActivities, recordActivity, reviewActivity } from '../../domain/leaders/activities.ts';
import { addActivityAttachment, readActivityAttachment } from '../../domain/leaders/attachments.ts';
import { uploadBody, uploadHeaders, uploadResponses } from '../cases/attachments.schemas.ts';
import { errorBody, errorResponses } from '../errors.schemas.ts';
import { leaderDepsOf } from './leaders.ts';
import {
  activityAttachmentParams,
  activityIdParams,
  activityListView,
  activityView,
  leaderIdParams,
  listActivitiesQuery,
  recordActivityBody,
  rejectActivityBody,
} from './leaders.schemas.ts';
import { downloadResult } from '../file-response.ts';
import { defineRoute } from '../route.ts';
import { ACTIVITY_REVIEW_LIFECYCLE as REVIEW } from '../../model/leaders/activity-review.ts';

const reviewResponses = {
  200: { description: 'Reviewed', schema: activityView },
  ...errorResponses,
  409: { description: 'Already reviewed, or the year is frozen', schema: errorBody },
};

export const leaderActivityRoutes = [
  defineRoute({
    method: 'post',
    path: '/leaders/:id/activities',
    operationId: 'recordLeaderActivity',
    tag: 'leaders',
    summary:
      'The leader’s unit records an activity (planning meeting, research visit, opinion collection, party lecture, scheduling) held at the street/park the leader reports to, on a day that has come (district date). It counts once that street/park confirms it.',
    authenticated: true,
    idempotency: 'required',
    roles: REVIEW.rolesFor('record'),
    schemas: { params: leaderIdParams, body: recordActivityBody },
    responses: {
      201: { description: 'Recorded, awaiting confirmation', schema: activityView },
      ...errorResponses,
      409: { description: 'The year is frozen, or the leader retired', schema: errorBody },
    },
    handler: async ({ params, body, user, deps }) => ({
      status: 201,
      body: await recordActivity(leaderDepsOf(deps), user, params.id, body),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/leader-activities',
    operationId: 'listLeaderActivities',
    tag: 'leaders',
    summary:
      'Activities the caller may see, newest first, a page at a time with the total: its leaders’ and, for a street/park, those held there (`review=pending&place=<its id>`: what awaits its confirmation).',
    authenticated: true,
    schemas: { query: listActivitiesQuery },
    responses: { 200: { description: 'Activities', schema: activityListView }, ...errorResponses },
    handler: async ({ query, user, deps }) => ({
      status: 200,
      body: await listActivities(
        leaderDepsOf(deps),
        user,
        { leaderId: query.leader, review: query.review, placeUnitId: query.place, year: query.year },
        { limit: query.limit, offset: query.offset },
      ),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/leader-activities/:activityId',
    operationId: 'getLeaderActivity',
    tag: 'leaders',
    summary: 'One activity, its documents, and whether the caller may confirm or reject it.',
    authenticated: true,
    schemas: { params: activityIdParams },
    responses: { 200: { description: 'The activity', schema: activityView }, ...errorResponses },
    handler: async ({ params, user, deps }) => ({
      status: 200,
      body: await getActivity(deps, user, params.activityId),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/leader-activities/:activityId/confirm',
    operationId: 'confirmLeaderActivity',
    tag: 'leaders',
    summary: 'The street/park where the activity took place confirms it; from now on it counts toward the leader’s quota.',
    authenticated: true,
    roles: REVIEW.rolesFor('confirm'),
    schemas: { params: activityIdParams },
    responses: reviewResponses,
    handler: async ({ params, user, deps }) => ({
      status: 200,
      body: await reviewActivity(leaderDepsOf(deps), user, params.activityId, { confirm: true }),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/leader-activities/:activityId/reject',
    operationId: 'rejectLeaderActivity',
    tag: 'leaders',
    summary: 'The street/park where the activity is said to have taken place rejects it, saying why; it never counts.',
    authenticated: true,
    roles: REVIEW.rolesFor('reject'),
    schemas: { params: activityIdParams, body: rejectActivityBody },
    responses: reviewResponses,
    handler: async ({ params, body, user, deps }) => ({
      status: 200,
      body: await reviewActivity(leaderDepsOf(deps), user, params.activityId, { confirm: false, reason: body.reason }),
    }),
  }),
  defineRoute({
    method: 'post',
    path: '/leader-activities/:activityId/attachments',
    operationId: 'attachToLeaderActivity',
    tag: 'leaders',
    summary:
      'The leader’s unit attaches minutes, photos or a sign-in sheet (PNG, JPEG, PDF, DOCX, XLSX, text) as the body, named by X-File-Name.',
    authenticated: true,
    idempotency: 'optional',
    roles: ['street_staff'],
    rawBody: true,
    schemas: { params: activityIdParams, headers: uploadHeaders, body: uploadBody },
    responses: uploadResponses('activity'),
    handler: async ({ params, headers, body, user, deps }) => ({
      status: 201,
      body: await addActivityAttachment(deps, user, params.activityId, {
        fileName: headers['x-file-name'],
        contentType: headers['content-type'],
        data: body,
      }),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/leader-activities/:activityId/attachments/:attachmentId',
    operationId: 'downloadLeaderActivityAttachment',
    tag: 'leaders',
    summary: 'Download an activity’s document.',
    authenticated: true,
    schemas: { params: activityAttachmentParams },
    responses: { 200: { description: 'The file' }, ...errorResponses },
    handler: async ({ params, user, deps }) =>
      downloadResult(await readActivityAttachment(deps, user, params.activityId, params.attachmentId)),
  }),
];
