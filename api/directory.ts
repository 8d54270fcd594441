import { createOrgUnit, createUser, deactivateUser, listOrgUnits, listUsers, resetPassword } from '../domain/directory.ts';
import { errorBody, errorResponses } from './errors.schemas.ts';
import {
  createOrgUnitBody,
  createUserBody,
  orgUnitList,
  orgUnitView,
  userIdParams,
  userList,
  userView,
  userWithPassword,
} from './directory.schemas.ts';
import { defineRoute } from './route.ts';

const conflict = { 409: { description: 'The code or e-mail is taken', schema: errorBody } };

export const directoryRoutes = [
  defineRoute({
    method: 'get',
    path: '/org-units',
    tag: 'directory',
    summary: 'The organisation tree (names label cases, cycles and statistics for every role).',
    authenticated: true,
    schemas: {},
    responses: { 200: { description: 'All units', schema: orgUnitList }, ...errorResponses },
    handler: async ({ deps }) => ({ status: 200, body: { items: await listOrgUnits(deps.prisma) } }),
  }),
  defineRoute({
    method: 'post',
    path: '/org-units',
    tag: 'directory',
    summary: 'Add a unit under its parent (a street, park, department or garrison under a district; a district under the municipality).',
    authenticated: true,
    roles: ['admin'],
    schemas: { body: createOrgUnitBody },
    responses: { 201: { description: 'Created', schema: orgUnitView }, ...errorResponses, ...conflict },
    handler: async ({ body, user, deps }) => ({ status: 201, body: await createOrgUnit(deps.prisma, user, body) }),
  }),
  defineRoute({
    method: 'get',
    path: '/admin/users',
    tag: 'directory',
    summary: 'Every user account.',
    authenticated: true,
    roles: ['admin'],
    schemas: {},
    responses: { 200: { description: 'Users', schema: userList }, ...errorResponses },
    handler: async ({ user, deps }) => ({ status: 200, body: { items: await listUsers(deps.prisma, user) } }),
  }),
  defineRoute({
    method: 'post',
    path: '/admin/users',
    tag: 'directory',
    summary: 'Create a user with a role in a unit of the matching kind; answers a one-time password to hand over.',
    authenticated: true,
    roles: ['admin'],
    schemas: { body: createUserBody },
    responses: { 201: { description: 'Created', schema: userWithPassword }, ...errorResponses, ...conflict },
    handler: async ({ body, user, deps }) => ({ status: 201, body: await createUser(deps.prisma, user, body) }),
  }),
  defineRoute({
    method: 'post',
    path: '/admin/users/:id/deactivate',
    tag: 'directory',
    summary: 'Deactivate a user: no more sign-ins, open sessions end.',
    authenticated: true,
    roles: ['admin'],
    schemas: { params: userIdParams },
    responses: {
      200: { description: 'Deactivated', schema: userView },
      ...errorResponses,
      409: { description: 'An administrator cannot deactivate themself', schema: errorBody },
    },
    handler: async ({ params, user, deps }) => ({ status: 200, body: await deactivateUser(deps.prisma, user, params.id) }),
  }),
  defineRoute({
    method: 'post',
    path: '/admin/users/:id/password',
    tag: 'directory',
    summary: 'Reset a user’s password to a new one-time password; open sessions end.',
    authenticated: true,
    roles: ['admin'],
    schemas: { params: userIdParams },
    responses: { 200: { description: 'Reset', schema: userWithPassword }, ...errorResponses },
    handler: async ({ params, user, deps }) => ({ status: 200, body: await resetPassword(deps.prisma, user, params.id) }),
  }),
];
