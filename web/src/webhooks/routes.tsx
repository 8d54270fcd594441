import { lazy } from 'react';
import type { Feature } from '../feature.ts';

const Webhooks = lazy(() => import('./Webhooks.tsx'));

/** Outbound webhooks: the administrators register them and follow their deliveries. */
export const webhooksFeature: Feature = {
  routes: [{ path: '/admin/webhooks', roles: ['admin'], element: <Webhooks /> }],
  menu: [{ path: '/admin/webhooks', label: 'webhooks.title', roles: ['admin'] }],
};
