import { lazy } from 'react';
import type { Feature } from '../feature.ts';

const Directory = lazy(() => import('./Directory.tsx'));

export const directoryFeature: Feature = {
  routes: [{ path: '/admin/directory', roles: ['admin'], element: <Directory /> }],
  menu: [{ path: '/admin/directory', label: 'nav.directory', roles: ['admin'] }],
};
