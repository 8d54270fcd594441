import type { LifecycleWords, Words } from '../lifecycle.ts';
import type { DeliveryAction, DeliveryState } from './delivery.ts';
import type { WebhookEventKind } from './events.ts';
import type { WebhookAction, WebhookFormat, WebhookState } from './webhook.ts';

/** Webhooks in the words people read: the admin screen, and the group robots' messages. */
export const WEBHOOK_GLOSSARY = {
  states: {
    active: { zh: '启用', en: 'active' },
    disabled: { zh: '已停用', en: 'disabled' },
  },
  actions: {
    register: { zh: '登记推送地址', en: 'register' },
    disable: { zh: '停用', en: 'disable' },
    enable: { zh: '启用', en: 'enable' },
  },
} as const satisfies LifecycleWords<WebhookState, WebhookAction>;

export const DELIVERY_GLOSSARY = {
  states: {
    pending: { zh: '待送达', en: 'pending' },
    delivered: { zh: '已送达', en: 'delivered' },
    failed: { zh: '送达失败', en: 'failed' },
  },
  actions: {
    resend: { zh: '重新发送', en: 'send again' },
  },
} as const satisfies LifecycleWords<DeliveryState, DeliveryAction>;

export const WEBHOOK_EVENT_WORDS = {
  filed: { zh: '新登记', en: 'filed' },
  forwarded: { zh: '转市级协调', en: 'forwarded to the city' },
  returned: { zh: '退回补充', en: 'returned for information' },
  resolved: { zh: '已解决', en: 'resolved' },
  overdue: { zh: '已超期', en: 'overdue' },
  cycle_deadline: { zh: '台账报送期限', en: 'ledger deadline' },
  confirmation_waiting: { zh: '待确认', en: 'awaiting confirmation' },
} as const satisfies Record<WebhookEventKind, Words>;

export const WEBHOOK_FORMAT_WORDS = {
  json: { zh: 'JSON（HMAC-SHA256 签名）', en: 'JSON (signed with HMAC-SHA256)' },
  wecom_text: { zh: '企业微信群机器人（文本）', en: 'WeCom group robot (text)' },
  wecom_markdown: { zh: '企业微信群机器人（Markdown）', en: 'WeCom group robot (markdown)' },
  dingtalk_text: { zh: '钉钉群机器人（文本）', en: 'DingTalk group robot (text)' },
  dingtalk_markdown: { zh: '钉钉群机器人（Markdown）', en: 'DingTalk group robot (markdown)' },
} as const satisfies Record<WebhookFormat, Words>;
