import { lazy } from 'react';
import type { Feature } from '../feature.ts';

const BulkResult = lazy(() => import('./BulkResult.tsx'));

/** A bulk step's result screen; the steps start from the case lists' selection (BulkStepBar). */
export const bulkFeature: Feature = {
  routes: [{ path: '/bulk-steps/:id', roles: ['street_staff', 'district_officer', 'municipal_liaison'], element: <BulkResult /> }],
  menu: [],
};
