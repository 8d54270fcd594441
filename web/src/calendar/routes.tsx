import { lazy } from 'react';
import type { Feature } from '../feature.ts';

const CalendarEditor = lazy(() => import('./CalendarEditor.tsx'));

export const calendarFeature: Feature = {
  routes: [{ path: '/admin/calendar', roles: ['admin'], element: <CalendarEditor /> }],
  menu: [{ path: '/admin/calendar', label: 'nav.calendar', roles: ['admin'] }],
};
