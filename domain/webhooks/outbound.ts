import { createHmac } from 'node:crypto';
import type { WebhookEvent } from '../../model/webhooks/events.ts';
import { robotBody, type MessageOptions } from '../../model/webhooks/messages.ts';
import { vendorOf, type WebhookFormat } from '../../model/webhooks/webhook.ts';

/** The HTTP request that delivers one event to one webhook. */
export type OutboundRequest = { url: string; headers: Record<string, string>; body: string };

/**
 * The JSON format's signature, for receivers to check: `v1=` and the hex HMAC-SHA256, keyed with the
 * webhook's secret, of `<timestamp>.<body>` (the X-Ledger-Timestamp header, a dot, the raw body).
 * A receiver computes the same, compares in constant time, refuses a timestamp more than five minutes
 * from its clock (a replayed request), and drops an event id it already has (a retry).
 */
export const jsonSignature = (secret: string, timestamp: number, body: string) =>
  `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

/** DingTalk's signed URL: `timestamp` (ms) and `sign`, the Base64 HMAC-SHA256 of `<timestamp>\n<secret>` keyed with the secret. */
export function dingTalkSignedUrl(url: string, secret: string, now: Date): string {
  const timestamp = now.getTime();
  const sign = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
  const signed = new URL(url);
  signed.searchParams.set('timestamp', String(timestamp));
  signed.searchParams.set('sign', sign);
  return signed.toString();
}

export const EVENT_ID_HEADER = 'X-Ledger-Event-Id';

/** The request for an event in the webhook's format, signed at `now` (each attempt signs anew). */
export function outboundRequest(
  webhook: { url: string; format: WebhookFormat; secret: string | null },
  event: WebhookEvent,
  options: MessageOptions,
  now: Date,
): OutboundRequest {
  const common = {
    'Content-Type': 'application/json; charset=utf-8',
    'User-Agent': 'linkage-ledger-webhooks/1',
    [EVENT_ID_HEADER]: event.id,
  };
  if (webhook.format === 'json') {
    const body = JSON.stringify(event);
    const timestamp = Math.floor(now.getTime() / 1000);
    const signature: Record<string, string> = webhook.secret
      ? { 'X-Ledger-Timestamp': String(timestamp), 'X-Ledger-Signature': jsonSignature(webhook.secret, timestamp, body) }
      : {};
    return { url: webhook.url, headers: { ...common, 'X-Ledger-Event-Type': event.type, ...signature }, body };
  }
  const body = JSON.stringify(robotBody(webhook.format, event, options));
  const url = vendorOf(webhook.format) === 'dingtalk' && webhook.secret ? dingTalkSignedUrl(webhook.url, webhook.secret, now) : webhook.url;
  return { url, headers: common, body };
}

/**
 * Whether the receiver took the event: a 2xx, and for a group robot its `errcode` 0 (both vendors
 * answer 200 with a non-zero `errcode` when they refuse, over their rate limit for one).
 */
export function acceptance(format: WebhookFormat, status: number, body: string): { ok: true } | { ok: false; reason: string } {
  if (status < 200 || status > 299) return { ok: false, reason: `answered ${status}` };
  if (format === 'json') return { ok: true };
  try {
    const answer = JSON.parse(body) as { errcode?: unknown; errmsg?: unknown };
    if (answer.errcode === 0) return { ok: true };
    return { ok: false, reason: `robot refused: errcode ${String(answer.errcode)} ${String(answer.errmsg ?? '')}`.trim() };
  } catch {
    return { ok: false, reason: 'the robot’s answer is not JSON' };
  }
}

/**
 * A refusal no retry can change: the receiver says the request itself is wrong (4xx), except for
 * "too early", "too many", a timeout and a conflict, which pass. 5xx, no answer, and a robot's refusal
 * (a rate limit, mostly) are tried again until the delivery gives up.
 */
export const isFinalRefusal = (status: number) => status >= 400 && status < 500 && ![408, 409, 425, 429].includes(status);
