import { lazy } from 'react';
import type { Feature } from '../feature.ts';

const HalfYearLedger = lazy(() => import('./HalfYearLedger.tsx'));
const CycleBoard = lazy(() => import('./CycleBoard.tsx'));
const OpenCycle = lazy(() => import('./OpenCycle.tsx'));

export const cycleFeature: Feature = {
  routes: [
    { path: '/half-year', roles: ['street_staff'], clerkUnit: 'filesCases', element: <HalfYearLedger /> },
    { path: '/cycle', roles: ['district_officer'], element: <CycleBoard /> },
    { path: '/admin/cycles', roles: ['admin'], element: <OpenCycle /> },
  ],
  menu: [
    { path: '/half-year', label: 'nav.halfYear', roles: ['street_staff'], clerkUnit: 'filesCases' },
    { path: '/cycle', label: 'nav.cycle', roles: ['district_officer'] },
    { path: '/admin/cycles', label: 'nav.openCycle', roles: ['admin'] },
  ],
};
