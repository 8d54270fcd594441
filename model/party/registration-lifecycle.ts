import { defineLifecycle, type Transition } from '../lifecycle.ts';

/**
 * A member's registration with a community (the notice's 报到), in the shape every lifecycle shares
 * (model/lifecycle.ts). The community's street/park registers a member at once; the member's home unit
 * registers them pending until that street/park accepts; a move ends the registration and opens the
 * next. The domain checks each step with `refuse` (which unit of a role may act is the domain's: the
 * registration's street/park), the routes take their roles from `rolesFor`, and every registration the
 * API returns carries its `allowedActions`.
 */
export const REGISTRATION_STATES = ['pending', 'active', 'ended'] as const;
export type RegistrationState = (typeof REGISTRATION_STATES)[number];

/** The steps, each a route: `POST /party/members`, `POST /party/registrations/:id/accept`, `POST /party/members/:id/move`. */
export const REGISTRATION_ACTIONS = ['register', 'accept', 'move'] as const;
export type RegistrationAction = (typeof REGISTRATION_ACTIONS)[number];

export const REGISTRATION_EVENTS = ['registered', 'accepted', 'moved_out', 'moved_in'] as const;
export type RegistrationEvent = (typeof REGISTRATION_EVENTS)[number];

export const REGISTRATION_TRANSITIONS = {
  register: {
    via: 'register',
    by: ['street_staff'],
    from: [],
    to: ['active', 'pending'],
    event: 'registered',
    notices: [],
    label: 'register: active when by the community’s street/park, pending when by the home unit',
  },
  accept: {
    via: 'accept',
    by: ['street_staff'],
    from: ['pending'],
    to: ['active'],
    event: 'accepted',
    notices: [],
    label: 'accept (the community’s street/park)',
  },
  moveOut: {
    via: 'move',
    by: ['street_staff'],
    from: ['active'],
    to: ['ended'],
    event: 'moved_out',
    notices: [],
    label: 'move (the street/park): ends on the day of the move',
  },
  moveIn: {
    via: 'move',
    by: ['street_staff'],
    from: [],
    to: ['active', 'pending'],
    event: 'moved_in',
    notices: [],
    label: 'the next registration, opened by the move: active within the same street/park, else pending',
  },
} as const satisfies Record<string, Transition<RegistrationState, RegistrationAction, RegistrationEvent, never>>;

export const REGISTRATION_LIFECYCLE = defineLifecycle({
  subject: 'registration',
  states: REGISTRATION_STATES,
  actions: REGISTRATION_ACTIONS,
  transitions: REGISTRATION_TRANSITIONS,
});

/** Pending or active: a member has at most one such registration (the database keeps it so). */
export const OPEN_REGISTRATION_STATES = ['pending', 'active'] as const satisfies readonly RegistrationState[];
