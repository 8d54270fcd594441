import { lazy } from 'react';
import type { Feature } from '../feature.ts';

const ApiKeys = lazy(() => import('./ApiKeys.tsx'));

/** Open311: the administrators issue and revoke the api_keys other systems file with. */
export const open311Feature: Feature = {
  routes: [{ path: '/admin/open311-keys', roles: ['admin'], element: <ApiKeys /> }],
  menu: [{ path: '/admin/open311-keys', label: 'open311.title', roles: ['admin'] }],
};
