import { lazy } from 'react';
import type { Feature } from '../feature.ts';

const Members = lazy(() => import('./Members.tsx'));

/** Section Four of the notice: communities, members, service records, feedback, the 15 % round. */
export const partyFeature: Feature = {
  routes: [{ path: '/party/members', roles: ['street_staff', 'district_officer', 'admin'], element: <Members /> }],
  menu: [{ path: '/party/members', label: 'party.nav.members', roles: ['street_staff', 'district_officer', 'admin'] }],
};
