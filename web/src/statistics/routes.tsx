import { lazy } from 'react';
import type { Feature } from '../feature.ts';

const Dashboard = lazy(() => import('./Dashboard.tsx'));
const ROLES = ['district_officer', 'municipal_liaison', 'admin'] as const;

export const statisticsFeature: Feature = {
  routes: [{ path: '/dashboard', roles: ROLES, element: <Dashboard /> }],
  menu: [{ path: '/dashboard', label: 'nav.dashboard', roles: ROLES }],
};
