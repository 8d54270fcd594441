import { lazy } from 'react';
import type { Feature } from '../feature.ts';

const Mailbox = lazy(() => import('./Mailbox.tsx'));

export const systemFeature: Feature = {
  routes: [{ path: '/admin/mail', roles: ['admin'], element: <Mailbox /> }],
  menu: [{ path: '/admin/mail', label: 'nav.mail', roles: ['admin'] }],
};
