import { defineLifecycle, type Transition } from '../lifecycle.ts';

/**
 * An Open311 api_key: an administrator issues it to another system (a city hotline, a street's
 * app) on behalf of one org unit, sees the key once, and may revoke it; a revoked key opens nothing
 * and is never active again (issue a new one). Pure: no imports at run time beyond model/.
 */
export const API_KEY_STATES = ['active', 'revoked'] as const;
export type ApiKeyState = (typeof API_KEY_STATES)[number];

/** The steps: `POST /open311/keys`, `POST /open311/keys/:id/revoke`. */
export const API_KEY_ACTIONS = ['issue', 'revoke'] as const;
export type ApiKeyAction = (typeof API_KEY_ACTIONS)[number];

export const API_KEY_EVENTS = ['api_key_issued', 'api_key_revoked'] as const;
export type ApiKeyEvent = (typeof API_KEY_EVENTS)[number];

export const API_KEY_TRANSITIONS = {
  issue: {
    via: 'issue',
    by: ['admin'],
    from: [],
    to: ['active'],
    event: 'api_key_issued',
    notices: [],
    label: 'issue for a unit (admin; the key is shown once)',
  },
  revoke: {
    via: 'revoke',
    by: ['admin'],
    from: ['active'],
    to: ['revoked'],
    event: 'api_key_revoked',
    notices: [],
    label: 'revoke (admin)',
  },
} as const satisfies Record<string, Transition<ApiKeyState, ApiKeyAction, ApiKeyEvent, never>>;

export const API_KEY_LIFECYCLE = defineLifecycle({
  subject: 'api key',
  states: API_KEY_STATES,
  actions: API_KEY_ACTIONS,
  transitions: API_KEY_TRANSITIONS,
});
