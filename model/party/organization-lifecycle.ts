import { defineLifecycle, type Transition } from '../lifecycle.ts';

/**
 * A community (of a street office or park) or a party branch (of a home unit), in the shape every
 * lifecycle shares (model/lifecycle.ts). Its unit's clerk or an administrator adds it, renames it while
 * it is in use and retires it: a retired one stays, with the registrations and members it had, but no
 * new member registers with it or joins it. The domain checks each step with `refuse` (which unit's
 * clerk may act is the domain's: the community's or branch's own unit), the routes take their roles
 * from `rolesFor`, and every community and branch the API lists carries its `allowedActions`.
 */
export const ORGANIZATION_STATES = ['active', 'retired'] as const;
export type OrganizationState = (typeof ORGANIZATION_STATES)[number];

/** The steps, each a route: `POST /party/{communities,branches}`, `PATCH .../:id`, `POST .../:id/retire`. */
export const ORGANIZATION_ACTIONS = ['add', 'edit', 'retire'] as const;
export type OrganizationAction = (typeof ORGANIZATION_ACTIONS)[number];

export const ORGANIZATION_EVENTS = ['organization_added', 'organization_edited', 'organization_retired'] as const;
export type OrganizationEvent = (typeof ORGANIZATION_EVENTS)[number];

export const ORGANIZATION_TRANSITIONS = {
  add: {
    via: 'add',
    by: ['street_staff', 'admin'],
    from: [],
    to: ['active'],
    event: 'organization_added',
    notices: [],
    label: 'add (its unit’s clerk, or an administrator)',
  },
  edit: {
    via: 'edit',
    by: ['street_staff', 'admin'],
    from: ['active'],
    to: 'unchanged',
    event: 'organization_edited',
    notices: [],
    label: 'rename (a community: or change its e-mail)',
  },
  retire: {
    via: 'retire',
    by: ['street_staff', 'admin'],
    from: ['active'],
    to: ['retired'],
    event: 'organization_retired',
    notices: [],
    label: 'retire: kept with its history, no new members (a community: once nobody is registered there)',
  },
} as const satisfies Record<string, Transition<OrganizationState, OrganizationAction, OrganizationEvent, never>>;

export const ORGANIZATION_LIFECYCLE = defineLifecycle({
  subject: 'community or party branch',
  states: ORGANIZATION_STATES,
  actions: ORGANIZATION_ACTIONS,
  transitions: ORGANIZATION_TRANSITIONS,
});

/** A community's or branch's state, from the column that keeps it. */
export const organizationStateOf = (row: { retiredAt: Date | null }): OrganizationState => (row.retiredAt ? 'retired' : 'active');
