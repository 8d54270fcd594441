/** Who a user is in the org tree: each account holds one role in one unit of the kind that role belongs to. */
export const ROLES = ['street_staff', 'district_officer', 'municipal_liaison', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who asked for a transition. The API fills it from the authenticated session, never from the body. */
export type Actor = { userId: string; role: Role; orgUnitId: string };
