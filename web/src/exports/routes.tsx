import { lazy } from 'react';
import { ALL_ROLES, type Feature } from '../feature.ts';

const Exports = lazy(() => import('./Exports.tsx'));

/** Annex 3 is the linkage ledger: a unit's clerk exports it only when the unit keeps one. */
export const exportsFeature: Feature = {
  routes: [{ path: '/exports', roles: ALL_ROLES, clerkUnit: 'filesCases', element: <Exports /> }],
  menu: [{ path: '/exports', label: 'nav.exports', roles: ALL_ROLES, clerkUnit: 'filesCases' }],
};
