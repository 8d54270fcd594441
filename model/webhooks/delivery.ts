import { defineLifecycle, type Transition } from '../lifecycle.ts';

/**
 * One event's delivery to one webhook: recorded pending by the webhook feed, delivered once the
 * receiver took it, failed when the retries ran out (or the webhook is disabled); an administrator
 * may send a delivered or failed one again (same event id: the receiver drops what it already has).
 * Pure: no imports at run time beyond model/.
 */
export const DELIVERY_STATES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** The one step people take: `POST /webhooks/:id/deliveries/:deliveryId/resend`. */
export const DELIVERY_ACTIONS = ['resend'] as const;
export type DeliveryAction = (typeof DELIVERY_ACTIONS)[number];

export const DELIVERY_EVENTS = ['delivery_recorded', 'delivery_succeeded', 'delivery_failed', 'delivery_resent'] as const;
export type DeliveryEvent = (typeof DELIVERY_EVENTS)[number];

export const DELIVERY_TRANSITIONS = {
  record: {
    via: null,
    by: ['system'],
    from: [],
    to: ['pending'],
    event: 'delivery_recorded',
    notices: [],
    label: 'the feed records an event for the webhook',
  },
  succeed: {
    via: null,
    by: ['system'],
    from: ['pending'],
    to: ['delivered'],
    event: 'delivery_succeeded',
    notices: [],
    label: 'the receiver took it',
  },
  fail: {
    via: null,
    by: ['system'],
    from: ['pending'],
    to: ['failed'],
    event: 'delivery_failed',
    notices: [],
    label: 'retries ran out, or the webhook is disabled',
  },
  resend: {
    via: 'resend',
    by: ['admin'],
    from: ['delivered', 'failed'],
    to: ['pending'],
    event: 'delivery_resent',
    notices: [],
    label: 'send again (admin)',
  },
} as const satisfies Record<string, Transition<DeliveryState, DeliveryAction, DeliveryEvent, never>>;

export const DELIVERY_LIFECYCLE = defineLifecycle({
  subject: 'delivery',
  states: DELIVERY_STATES,
  actions: DELIVERY_ACTIONS,
  transitions: DELIVERY_TRANSITIONS,
});

/** How deliveries are tried (configuration, fixed into each delivery workflow when it starts). */
export type DeliverySettings = {
  timeoutMs: number;
  retryInitialMs: number;
  retryMaxMs: number;
  giveUpMinutes: number;
  /** The district's language and clock, for the group robots' messages. */
  lang: 'zh' | 'en';
  utcOffsetMinutes: number;
};

/** A delivery workflow: its webhook and subject, and what it still has to send (carried over a continue-as-new). */
export type DeliveryWorkflowInput = { webhookId: string; subject: string; settings: DeliverySettings; queued?: string[] };

/** How the feed reads the ledger: every `pollMs` when it has caught up, `batch` rows of a source at a time. */
export type FeedSettings = { pollMs: number; batch: number; delivery: DeliverySettings };
