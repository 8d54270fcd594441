import { defineLifecycle, type Transition } from '../lifecycle.ts';

/**
 * A street/park's yearly recommendation round of outstanding members and branches, in the shape every
 * lifecycle shares (model/lifecycle.ts): the workflow's Update validators refuse by it, the API's
 * routes take their roles from it, and the round view's `allowedActions` come from it. Pure: safe in
 * workflow code.
 */
export const ROUND_PHASES = ['nominating', 'shortlisted', 'decided', 'submitted', 'returned', 'approved', 'expired'] as const;
export type RoundPhase = (typeof ROUND_PHASES)[number];

/** The steps people take, each an Update of the round's workflow, in the order `allowedActions` lists them. */
export const ROUND_ACTIONS = ['nominate', 'shortlist', 'decide', 'submit', 'approve', 'return'] as const;
export type RoundAction = (typeof ROUND_ACTIONS)[number];

/** What `recommendation_round_events.type` may hold: one event per step, and the round's own moves. */
export const ROUND_EVENT_TYPES = [
  'opened',
  'nominated',
  'shortlisted',
  'decided',
  'submitted',
  'returned',
  'approved',
  'reminded',
  'expired',
] as const;
export type RoundEventType = (typeof ROUND_EVENT_TYPES)[number];

/** The mails a round sends: to the district on submission, to the street/park on return and before its deadline, to the home units on approval. */
export const ROUND_NOTICES = ['submitted', 'returned', 'reminder', 'home_units_informed'] as const;
export type RoundNotice = (typeof ROUND_NOTICES)[number];

type RoundTransition = Transition<RoundPhase, RoundAction, RoundEventType, RoundNotice>;

/** Phases in which the list has not been handed to the district: the reminder goes out in these. */
const NOT_HANDED_IN = ['nominating', 'shortlisted', 'decided', 'returned'] as const satisfies readonly RoundPhase[];

export const ROUND_TRANSITIONS = {
  open: {
    via: null,
    by: ['street_staff'],
    from: [],
    to: ['nominating'],
    event: 'opened',
    notices: [],
    label: 'opened by its street/park (quota fixed)',
  },
  nominate: {
    via: 'nominate',
    by: ['street_staff'],
    from: ['nominating'],
    to: 'unchanged',
    event: 'nominated',
    notices: [],
    label: 'nominate (residents or organization)',
  },
  shortlist: {
    via: 'shortlist',
    by: ['street_staff'],
    from: ['nominating', 'shortlisted'],
    to: ['shortlisted'],
    event: 'shortlisted',
    notices: [],
    label: 'shortlist (street/park)',
  },
  decide: {
    via: 'decide',
    by: ['street_staff'],
    from: ['shortlisted', 'decided', 'returned'],
    to: ['decided'],
    event: 'decided',
    notices: [],
    label: 'decide (street/park committee)',
  },
  submit: {
    via: 'submit',
    by: ['street_staff'],
    from: ['decided'],
    to: ['submitted'],
    event: 'submitted',
    notices: ['submitted'],
    label: 'submit within the quota (street/park)',
  },
  approve: {
    via: 'approve',
    by: ['district_officer'],
    from: ['submitted'],
    to: ['approved'],
    event: 'approved',
    notices: ['home_units_informed'],
    label: 'approve (district), home units informed',
  },
  return: {
    via: 'return',
    by: ['district_officer'],
    from: ['submitted'],
    to: ['returned'],
    event: 'returned',
    notices: ['returned'],
    label: 'return for another decision (district)',
  },
  remind: {
    via: null,
    by: ['system'],
    from: NOT_HANDED_IN,
    to: 'unchanged',
    event: 'reminded',
    notices: ['reminder'],
    label: '3 days before the deadline, not submitted',
  },
  expire: {
    via: null,
    by: ['system'],
    from: [...NOT_HANDED_IN, 'submitted'],
    to: ['expired'],
    event: 'expired',
    notices: [],
    label: 'the year ends unapproved',
  },
} as const satisfies Record<string, RoundTransition>;
export type RoundTransitionName = keyof typeof ROUND_TRANSITIONS;

export const ROUND_LIFECYCLE = defineLifecycle({
  subject: 'round',
  states: ROUND_PHASES,
  actions: ROUND_ACTIONS,
  transitions: ROUND_TRANSITIONS,
});

/** The round's workflow ends in these; nothing moves it any more. */
export const FINAL_ROUND_PHASES = ['approved', 'expired'] as const satisfies readonly RoundPhase[];
