import { lazy } from 'react';
import type { Feature } from '../feature.ts';

const Members = lazy(() => import('./Members.tsx'));
const RoundBoard = lazy(() => import('./RoundBoard.tsx'));
const ServiceRecords = lazy(() => import('./ServiceRecords.tsx'));
const Feedback = lazy(() => import('./Feedback.tsx'));
const FeedbackDocument = lazy(() => import('./FeedbackDocument.tsx'));
const Organizations = lazy(() => import('./Organizations.tsx'));

const READERS = ['street_staff', 'district_officer', 'admin'] as const;

/** Section Four of the notice: communities, members, service records, feedback, the 15 % round. */
export const partyFeature: Feature = {
  routes: [
    { path: '/party/members', roles: READERS, element: <Members /> },
    { path: '/party/records', roles: READERS, element: <ServiceRecords /> },
    { path: '/party/feedback', roles: READERS, element: <Feedback /> },
    { path: '/party/feedback/:year/:unitId', roles: READERS, element: <FeedbackDocument /> },
    { path: '/party/round', roles: ['street_staff', 'district_officer'], clerkUnit: 'keepsCommunities', element: <RoundBoard /> },
    { path: '/party/organizations', roles: ['street_staff', 'admin'], element: <Organizations /> },
  ],
  menu: [
    { path: '/party/members', label: 'party.nav.members', roles: READERS },
    { path: '/party/records', label: 'party.nav.records', roles: READERS },
    { path: '/party/feedback', label: 'party.nav.feedback', roles: READERS },
    { path: '/party/round', label: 'party.nav.round', roles: ['street_staff', 'district_officer'], clerkUnit: 'keepsCommunities' },
    { path: '/party/organizations', label: 'party.nav.organizations', roles: ['street_staff', 'admin'] },
  ],
};
