import type { ReactNode } from 'react';
import type { OrgUnit, Role } from './api/client.ts';
import type { MessageKey } from './i18n/zh.ts';

export const ALL_ROLES: readonly Role[] = ['street_staff', 'district_officer', 'municipal_liaison', 'admin'];

/** What a unit's kind does, as the API says it (`GET /org-units`): a unit's clerk sees the screens of what its unit does. */
export type UnitAbility = 'filesCases' | 'keepsLeaders' | 'keepsCommunities';

type Audience = {
  roles: readonly Role[];
  /** For a unit's clerk (`street_staff`): the screen is theirs only when their unit's kind has this ability. */
  clerkUnit?: UnitAbility;
};

/** A screen of a feature: its path under /app, who may open it, and what it shows (lazy-loaded, but for the ledger). */
export type FeatureRoute = Audience & { path: string; element: ReactNode };

/** A main-menu entry of a feature. */
export type MenuEntry = Audience & { path: string; label: MessageKey };

/**
 * What a feature adds to the shell. Each feature keeps its own in `web/src/<feature>/routes.tsx`;
 * `web/src/features.ts` gathers them in menu order.
 */
export type Feature = {
  routes: readonly FeatureRoute[];
  menu: readonly MenuEntry[];
  /** Entries that live on data (worklists with their counts), rendered after the menu's fixed ones, for their audience. */
  liveMenu?: Audience & { element: ReactNode };
  /** What lives in the header beside the user's name (the bell), for its audience. */
  header?: Audience & { element: ReactNode };
};

export type Viewer = { role: Role; unit: OrgUnit | undefined };

/** Whether the signed-in user is among a screen's or an entry's audience (the unit once known). */
export function reaches(audience: Audience, viewer: Viewer): boolean {
  if (!audience.roles.includes(viewer.role)) return false;
  if (viewer.role !== 'street_staff' || !audience.clerkUnit) return true;
  return viewer.unit?.[audience.clerkUnit] === true;
}
