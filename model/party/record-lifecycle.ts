import { defineLifecycle, type Transition } from '../lifecycle.ts';

/**
 * A member's service record and its confirmation, in the shape every lifecycle shares
 * (model/lifecycle.ts). The street/park the member was registered with on the day records it confirmed;
 * the member's home unit records it awaiting that street/park's confirmation; the year-end feedback
 * carries confirmed records to the home unit. The domain checks each step with `refuse` (the record's
 * street/park confirms: scope is the domain's), the routes take their roles from `rolesFor`, and every
 * record the API returns carries its `allowedActions`.
 */
export const RECORD_STATES = ['awaiting_confirmation', 'confirmed', 'fed_back'] as const;
export type RecordState = (typeof RECORD_STATES)[number];

/** The steps, each a route: `POST /party/records`, `POST /party/records/:id/confirm`. */
export const RECORD_ACTIONS = ['record', 'confirm'] as const;
export type RecordAction = (typeof RECORD_ACTIONS)[number];

export const RECORD_EVENTS = ['recorded', 'confirmed', 'fed_back'] as const;
export type RecordEvent = (typeof RECORD_EVENTS)[number];

export const RECORD_TRANSITIONS = {
  record: {
    via: 'record',
    by: ['street_staff'],
    from: [],
    to: ['confirmed', 'awaiting_confirmation'],
    event: 'recorded',
    notices: [],
    label: 'record: confirmed when by the community’s street/park, awaiting it when by the home unit',
  },
  confirm: {
    via: 'confirm',
    by: ['street_staff'],
    from: ['awaiting_confirmation'],
    to: ['confirmed'],
    event: 'confirmed',
    notices: [],
    label: 'confirm (the community’s street/park)',
  },
  feedBack: {
    via: null,
    by: ['system'],
    from: ['confirmed'],
    to: ['fed_back'],
    event: 'fed_back',
    notices: [],
    label: 'carried to the home unit by the year-end feedback',
  },
} as const satisfies Record<string, Transition<RecordState, RecordAction, RecordEvent, never>>;

export const RECORD_LIFECYCLE = defineLifecycle({
  subject: 'record',
  states: RECORD_STATES,
  actions: RECORD_ACTIONS,
  transitions: RECORD_TRANSITIONS,
});

/** A record's state, from the columns that keep it: confirmed or not, and carried to the home unit or not. */
export const recordStateOf = (record: { confirmed: boolean; fedBackAt: Date | null }): RecordState =>
  record.fedBackAt !== null ? 'fed_back' : record.confirmed ? 'confirmed' : 'awaiting_confirmation';
