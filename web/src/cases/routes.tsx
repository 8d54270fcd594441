import { lazy } from 'react';
import { ALL_ROLES, type Feature } from '../feature.ts';
import { CaseList } from './CaseList.tsx';
import { WorklistMenu } from './WorklistMenu.tsx';
import { Bell } from './Bell.tsx';

// The ledger list is part of the first screen; the rest of the case screens load on demand.
const FileCase = lazy(() => import('./FileCase.tsx'));
const CasePage = lazy(() => import('./CasePage.tsx'));
const Drafts = lazy(() => import('./Drafts.tsx'));
const StockReplies = lazy(() => import('./StockReplies.tsx'));

/** Each list is keyed by its preset: its cursors belong to its order and are not carried to another list. */
export const casesFeature: Feature = {
  routes: [
    { path: '/cases', roles: ALL_ROLES, clerkUnit: 'filesCases', element: <CaseList key="ledger" preset="ledger" /> },
    { path: '/triage', roles: ['district_officer'], element: <CaseList key="triage" preset="triage" /> },
    { path: '/coordination', roles: ['municipal_liaison'], element: <CaseList key="coordination" preset="coordination" /> },
    { path: '/cases/new', roles: ['street_staff'], clerkUnit: 'filesCases', element: <FileCase /> },
    { path: '/cases/drafts', roles: ['street_staff'], clerkUnit: 'filesCases', element: <Drafts /> },
    { path: '/cases/:id', roles: ALL_ROLES, element: <CasePage /> },
    { path: '/stock-replies', roles: ['admin', 'district_officer'], element: <StockReplies /> },
  ],
  menu: [
    { path: '/triage', label: 'nav.triage', roles: ['district_officer'] },
    { path: '/coordination', label: 'nav.coordination', roles: ['municipal_liaison'] },
    { path: '/cases', label: 'nav.ledger', roles: ['street_staff'], clerkUnit: 'filesCases' },
    { path: '/cases', label: 'nav.allCases', roles: ['district_officer', 'municipal_liaison', 'admin'] },
    { path: '/cases/new', label: 'nav.file', roles: ['street_staff'], clerkUnit: 'filesCases' },
    { path: '/cases/drafts', label: 'nav.drafts', roles: ['street_staff'], clerkUnit: 'filesCases' },
    { path: '/stock-replies', label: 'nav.stockReplies', roles: ['admin', 'district_officer'] },
  ],
  liveMenu: { roles: ALL_ROLES, clerkUnit: 'filesCases', element: <WorklistMenu /> },
  header: { roles: ALL_ROLES, element: <Bell /> },
};
