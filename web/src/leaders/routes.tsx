import { lazy } from 'react';
import type { Feature } from '../feature.ts';

const LeaderList = lazy(() => import('./LeaderList.tsx'));
const LeaderPage = lazy(() => import('./LeaderPage.tsx'));
const Projects = lazy(() => import('./Projects.tsx'));
const Appendices = lazy(() => import('./Appendices.tsx'));
const ActivityInbox = lazy(() => import('./ActivityInbox.tsx'));

/** The leaders' list: a unit's clerk keeps its own; the district and the city read theirs. */
const LEADER_READERS = ['street_staff', 'district_officer', 'municipal_liaison'] as const;

/**
 * Section Two of the notice: a unit's clerk keeps its leaders' four leads (their activities, the
 * projects they lead, Appendix 1 and 2); a street's or park's clerk confirms the activities held there.
 */
export const leadersFeature: Feature = {
  routes: [
    { path: '/leaders', roles: LEADER_READERS, clerkUnit: 'keepsLeaders', element: <LeaderList /> },
    { path: '/leaders/:id', roles: ['street_staff'], clerkUnit: 'keepsLeaders', element: <LeaderPage /> },
    { path: '/projects', roles: ['street_staff'], clerkUnit: 'keepsLeaders', element: <Projects /> },
    { path: '/appendices', roles: ['street_staff'], clerkUnit: 'keepsLeaders', element: <Appendices /> },
    { path: '/leader-inbox', roles: ['street_staff'], clerkUnit: 'keepsCommunities', element: <ActivityInbox /> },
  ],
  menu: [
    { path: '/leaders', label: 'leaders.nav.list', roles: LEADER_READERS, clerkUnit: 'keepsLeaders' },
    { path: '/projects', label: 'leaders.nav.projects', roles: ['street_staff'], clerkUnit: 'keepsLeaders' },
    { path: '/appendices', label: 'leaders.nav.appendices', roles: ['street_staff'], clerkUnit: 'keepsLeaders' },
    { path: '/leader-inbox', label: 'leaders.nav.inbox', roles: ['street_staff'], clerkUnit: 'keepsCommunities' },
  ],
};
