import { defineLifecycle, type Transition } from '../lifecycle.ts';

/**
 * A user account, in the shape every lifecycle shares (model/lifecycle.ts): an administrator creates it
 * active, edits its name, role and unit, resets its password while it is active, deactivates it (no
 * more sign-ins) and enables it again. The domain checks each step with `refuse`, the routes take their
 * roles from `rolesFor`, and every account the API lists carries its `allowedActions`, from which the
 * directory screen draws its buttons.
 */
export const USER_ACCOUNT_STATES = ['active', 'deactivated'] as const;
export type UserAccountState = (typeof USER_ACCOUNT_STATES)[number];

/** The steps, each a route: `POST /admin/users`, `PATCH /admin/users/:id`, `POST /admin/users/:id/{password,deactivate,reactivate}`. */
export const USER_ACCOUNT_ACTIONS = ['create', 'edit', 'resetPassword', 'deactivate', 'reactivate'] as const;
export type UserAccountAction = (typeof USER_ACCOUNT_ACTIONS)[number];

export const USER_ACCOUNT_EVENTS = ['user_created', 'user_edited', 'password_reset', 'user_deactivated', 'user_reactivated'] as const;
export type UserAccountEvent = (typeof USER_ACCOUNT_EVENTS)[number];

export const USER_ACCOUNT_TRANSITIONS = {
  create: {
    via: 'create',
    by: ['admin'],
    from: [],
    to: ['active'],
    event: 'user_created',
    notices: [],
    label: 'create, with a one-time password to change at first sign-in',
  },
  edit: {
    via: 'edit',
    by: ['admin'],
    from: ['active', 'deactivated'],
    to: 'unchanged',
    event: 'user_edited',
    notices: [],
    label: 'edit name, role and unit',
  },
  resetPassword: {
    via: 'resetPassword',
    by: ['admin'],
    from: ['active'],
    to: 'unchanged',
    event: 'password_reset',
    notices: [],
    label: 'reset the password (a new one-time password; sessions end)',
  },
  deactivate: {
    via: 'deactivate',
    by: ['admin'],
    from: ['active'],
    to: ['deactivated'],
    event: 'user_deactivated',
    notices: [],
    label: 'deactivate (sessions end)',
  },
  reactivate: {
    via: 'reactivate',
    by: ['admin'],
    from: ['deactivated'],
    to: ['active'],
    event: 'user_reactivated',
    notices: [],
    label: 'enable again',
  },
} as const satisfies Record<string, Transition<UserAccountState, UserAccountAction, UserAccountEvent, never>>;

export const USER_ACCOUNT_LIFECYCLE = defineLifecycle({
  subject: 'user',
  states: USER_ACCOUNT_STATES,
  actions: USER_ACCOUNT_ACTIONS,
  transitions: USER_ACCOUNT_TRANSITIONS,
});

/** An account's state, from the column that keeps it. */
export const userAccountStateOf = (user: { active: boolean }): UserAccountState => (user.active ? 'active' : 'deactivated');
