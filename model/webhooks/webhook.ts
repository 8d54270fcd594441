import { defineLifecycle, type Transition } from '../lifecycle.ts';

/**
 * A webhook: an administrator registers it for a unit or a district (active), may disable it (it
 * hears of nothing new, and what it still had to send is marked failed) and enable it again. Pure: no imports at run time
 * beyond model/.
 */
export const WEBHOOK_STATES = ['active', 'disabled'] as const;
export type WebhookState = (typeof WEBHOOK_STATES)[number];

/** The steps: `POST /webhooks`, `POST /webhooks/:id/disable`, `POST /webhooks/:id/enable`. */
export const WEBHOOK_ACTIONS = ['register', 'disable', 'enable'] as const;
export type WebhookAction = (typeof WEBHOOK_ACTIONS)[number];

export const WEBHOOK_EVENTS = ['webhook_registered', 'webhook_disabled', 'webhook_enabled'] as const;
export type WebhookLifecycleEvent = (typeof WEBHOOK_EVENTS)[number];

export const WEBHOOK_TRANSITIONS = {
  register: {
    via: 'register',
    by: ['admin'],
    from: [],
    to: ['active'],
    event: 'webhook_registered',
    notices: [],
    label: 'register for a unit or district (admin)',
  },
  disable: {
    via: 'disable',
    by: ['admin'],
    from: ['active'],
    to: ['disabled'],
    event: 'webhook_disabled',
    notices: [],
    label: 'disable (admin): nothing new is sent',
  },
  enable: {
    via: 'enable',
    by: ['admin'],
    from: ['disabled'],
    to: ['active'],
    event: 'webhook_enabled',
    notices: [],
    label: 'enable again (admin)',
  },
} as const satisfies Record<string, Transition<WebhookState, WebhookAction, WebhookLifecycleEvent, never>>;

export const WEBHOOK_LIFECYCLE = defineLifecycle({
  subject: 'webhook',
  states: WEBHOOK_STATES,
  actions: WEBHOOK_ACTIONS,
  transitions: WEBHOOK_TRANSITIONS,
});

/**
 * How the event is written: JSON signed with HMAC-SHA256 for the district's own systems, or the
 * text / markdown messages of a WeCom (企业微信) or DingTalk (钉钉) group robot.
 */
export const WEBHOOK_FORMATS = ['json', 'wecom_text', 'wecom_markdown', 'dingtalk_text', 'dingtalk_markdown'] as const;
export type WebhookFormat = (typeof WEBHOOK_FORMATS)[number];

export const vendorOf = (format: WebhookFormat) => (format === 'json' ? 'json' : format.startsWith('wecom') ? 'wecom' : 'dingtalk');
