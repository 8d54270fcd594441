import { defineLifecycle, type Transition } from '../lifecycle.ts';

/**
 * A leader's activity under review: the leader's unit records it, and the street/park where it took
 * place confirms it (from then on it counts toward the leader's quota) or rejects it with a reason
 * (it never counts). Who of a role may act is the domain's to check (the recording unit records, the
 * receiving street/park reviews, and nobody once the year is frozen); the table says which role and
 * from which state. Pure: no imports at run time.
 */
export const ACTIVITY_REVIEW_STATES = ['pending', 'confirmed', 'rejected'] as const;
export type ActivityReviewState = (typeof ACTIVITY_REVIEW_STATES)[number];

/** The steps, each a route: `POST /leaders/:id/activities`, `POST /leader-activities/:id/{confirm,reject}`. */
export const ACTIVITY_REVIEW_ACTIONS = ['record', 'confirm', 'reject'] as const;
export type ActivityReviewAction = (typeof ACTIVITY_REVIEW_ACTIONS)[number];

export const ACTIVITY_REVIEW_EVENTS = ['activity_recorded', 'activity_confirmed', 'activity_rejected'] as const;
export type ActivityReviewEvent = (typeof ACTIVITY_REVIEW_EVENTS)[number];

export const ACTIVITY_REVIEW_TRANSITIONS = {
  record: {
    via: 'record',
    by: ['street_staff'],
    from: [],
    to: ['pending'],
    event: 'activity_recorded',
    notices: [],
    label: 'record (the leader’s unit)',
  },
  confirm: {
    via: 'confirm',
    by: ['street_staff'],
    from: ['pending'],
    to: ['confirmed'],
    event: 'activity_confirmed',
    notices: [],
    label: 'confirm (the receiving street/park): counts from now on',
  },
  reject: {
    via: 'reject',
    by: ['street_staff'],
    from: ['pending'],
    to: ['rejected'],
    event: 'activity_rejected',
    notices: [],
    label: 'reject with a reason (the receiving street/park)',
  },
} as const satisfies Record<string, Transition<ActivityReviewState, ActivityReviewAction, ActivityReviewEvent, never>>;

export const ACTIVITY_REVIEW_LIFECYCLE = defineLifecycle({
  subject: 'activity',
  states: ACTIVITY_REVIEW_STATES,
  actions: ACTIVITY_REVIEW_ACTIONS,
  transitions: ACTIVITY_REVIEW_TRANSITIONS,
});

/** Reviewed, one way or the other: nothing happens to it any more. */
export const FINAL_ACTIVITY_REVIEW_STATES = ['confirmed', 'rejected'] as const satisfies readonly ActivityReviewState[];
