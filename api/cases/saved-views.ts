import { createView, deleteView, listViews, updateView } from '../../domain/cases/saved-views.ts';
import { worklistCounts } from '../../domain/cases/worklists.ts';
import { errorBody, errorResponses } from '../errors.schemas.ts';
import { defineRoute } from '../route.ts';
import {
  createSavedViewBody,
  savedViewList,
  savedViewParams,
  savedViewView,
  updateSavedViewBody,
  worklistCountsView,
} from './saved-views.schemas.ts';

const nameTaken = { 409: { description: 'The caller already has a view of that name, or keeps the most views', schema: errorBody } };

export const savedViewRoutes = [
  defineRoute({
    method: 'get',
    path: '/worklists',
    operationId: 'getWorklists',
    tag: 'cases',
    summary:
      'The menu’s lists with their counts for the caller now: mine, unassigned in what the caller’s level holds, overdue, and each saved view the caller sees (counted under the caller’s own scope).',
    authenticated: true,
    schemas: {},
    responses: { 200: { description: 'The lists and views with their counts', schema: worklistCountsView }, ...errorResponses },
    handler: async ({ user, deps }) => ({
      status: 200,
      body: await worklistCounts(deps.prisma, user, deps.config.districtTime.utcOffsetMinutes),
    }),
  }),
  defineRoute({
    method: 'get',
    path: '/views',
    operationId: 'listSavedViews',
    tag: 'cases',
    summary: 'The caller’s saved views and those shared with the caller’s unit, by name.',
    authenticated: true,
    schemas: {},
    responses: { 200: { description: 'Saved views', schema: savedViewList }, ...errorResponses },
    handler: async ({ user, deps }) => ({ status: 200, body: { items: await listViews(deps.prisma, user) } }),
  }),
  defineRoute({
    method: 'post',
    path: '/views',
    operationId: 'createSavedView',
    tag: 'cases',
    summary:
      'Save the current filters and sort of the case list under a name, for the caller alone or shared with the caller’s unit. Repeating the Idempotency-Key returns the same view.',
    authenticated: true,
    idempotency: 'optional',
    schemas: { body: createSavedViewBody },
    responses: { 201: { description: 'Saved', schema: savedViewView }, ...errorResponses, ...nameTaken },
    handler: async ({ body, user, deps }) => {
      const view = await createView(deps, user, body);
      return { status: 201, body: view, headers: { Location: `/views/${view.id}` } };
    },
  }),
  defineRoute({
    method: 'patch',
    path: '/views/:id',
    operationId: 'updateSavedView',
    tag: 'cases',
    summary: 'Rename a view, share or unshare it, or change its filters; only the one who saved it (403 for a colleague’s shared view).',
    authenticated: true,
    schemas: { params: savedViewParams, body: updateSavedViewBody },
    responses: { 200: { description: 'Changed', schema: savedViewView }, ...errorResponses, ...nameTaken },
    handler: async ({ params, body, user, deps }) => ({ status: 200, body: await updateView(deps, user, params.id, body) }),
  }),
  defineRoute({
    method: 'delete',
    path: '/views/:id',
    operationId: 'deleteSavedView',
    tag: 'cases',
    summary: 'Delete a view; only the one who saved it.',
    authenticated: true,
    schemas: { params: savedViewParams },
    responses: { 204: { description: 'Deleted' }, ...errorResponses },
    handler: async ({ params, user, deps }) => {
      await deleteView(deps.prisma, user, params.id);
      return { status: 204, body: undefined };
    },
  }),
];
