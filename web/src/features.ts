import type { Feature, MenuEntry, Viewer } from './feature.ts';
import { reaches } from './feature.ts';
import { casesFeature } from './cases/routes.tsx';
import { cycleFeature } from './cycle/routes.tsx';
import { leadersFeature } from './leaders/routes.tsx';
import { partyFeature } from './party/routes.tsx';
import { statisticsFeature } from './statistics/routes.tsx';
import { calendarFeature } from './calendar/routes.tsx';
import { directoryFeature } from './directory/routes.tsx';
import { systemFeature } from './system/routes.tsx';
import { exportsFeature } from './exports/routes.tsx';
import { open311Feature } from './open311/routes.tsx';
import { webhooksFeature } from './webhooks/routes.tsx';
import { bulkFeature } from './bulk/routes.tsx';

/** Every feature's screens, in the order their entries appear in the main menu. */
export const FEATURES: readonly Feature[] = [
  casesFeature,
  bulkFeature,
  cycleFeature,
  leadersFeature,
  partyFeature,
  statisticsFeature,
  calendarFeature,
  directoryFeature,
  systemFeature,
  exportsFeature,
  open311Feature,
  webhooksFeature,
];

/** The live entries (worklists and the like) the signed-in user's role and unit reach, in feature order. */
export const liveMenuFor = (viewer: Viewer) =>
  FEATURES.flatMap((f) => (f.liveMenu && reaches(f.liveMenu, viewer) ? [{ key: f.menu[0]?.path ?? '', element: f.liveMenu.element }] : []));

/** The header's live items (the bell) the signed-in user reaches, in feature order. */
export const headerFor = (viewer: Viewer) =>
  FEATURES.flatMap((f, i) => (f.header && reaches(f.header, viewer) ? [{ key: String(i), element: f.header.element }] : []));

/** The main menu of the signed-in user: each feature's entries their role (and their unit's kind) reaches. */
export const menuFor = (viewer: Viewer): MenuEntry[] => FEATURES.flatMap((f) => f.menu.filter((entry) => reaches(entry, viewer)));
