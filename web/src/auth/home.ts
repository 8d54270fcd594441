import type { Role } from '../api/client.ts';

/** The first screen of each role: where signing in leads, and where a screen the role may not see sends it. */
export const HOME: Record<Role, string> = {
  street_staff: '/cases',
  district_officer: '/triage',
  municipal_liaison: '/coordination',
  admin: '/cases',
};
