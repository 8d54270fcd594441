import { CASE_GLOSSARY, CASE_KIND_WORDS } from '../cases/glossary.ts';
import { labelOf } from '../glossary.ts';
import type { Words } from '../lifecycle.ts';
import type { WebhookEvent } from './events.ts';
import { WEBHOOK_EVENT_WORDS } from './glossary.ts';
import type { WebhookFormat } from './webhook.ts';

type Language = keyof Words;

/**
 * An event as a group robot's message, in the district's language: a headline line, then a few
 * short lines (who, what, by when). Pure: the caller formats nothing and fetches nothing.
 */
export type MessageOptions = { lang: Language; utcOffsetMinutes: number };

/** `2026-12-26 18:00`: a moment on the district's clock, as a group reads it. */
export function districtClock(iso: string, utcOffsetMinutes: number): string {
  return new Date(Date.parse(iso) + utcOffsetMinutes * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

const WORDS = {
  number: { zh: (n: number) => `第 ${n} 号`, en: (n: number) => `No. ${n}` },
  urgent: { zh: '紧急', en: 'urgent' },
  due: { zh: '期限', en: 'due' },
  now: { zh: '现状', en: 'now' },
  owing: { zh: '未报送', en: 'not yet submitted' },
  daysLeft: {
    zh: (cycle: string, days: number, deadline: string) => `${cycle} 台账还剩 ${days} 个工作日（截止 ${deadline}）`,
    en: (cycle: string, days: number, deadline: string) => `${cycle} ledger: ${days} working day(s) left (deadline ${deadline})`,
  },
  daysLate: {
    zh: (cycle: string, days: number) => `${cycle} 台账已逾期 ${days} 天`,
    en: (cycle: string, days: number) => `${cycle} ledger: ${days} day(s) past the deadline`,
  },
  confirm: {
    zh: (leader: string, unit: string, on: string, confirming: string) => `${leader}（${unit}）${on} 的活动待 ${confirming} 确认`,
    en: (leader: string, unit: string, on: string, confirming: string) =>
      `${leader} (${unit}): an activity of ${on} awaits ${confirming}'s confirmation`,
  },
} as const;

/** The lines of a message: a headline, then details. Texts people typed are kept as typed. */
export function messageLines(event: WebhookEvent, { lang, utcOffsetMinutes }: MessageOptions): { headline: string; details: string[] } {
  const label = `【${labelOf(WEBHOOK_EVENT_WORDS[event.type], lang)}】`;
  const separator = lang === 'zh' ? '、' : ', ';
  if (event.case) {
    const c = event.case;
    const facts = [c.filingUnit.name, labelOf(CASE_KIND_WORDS[c.kind], lang), ...(c.urgent ? [WORDS.urgent[lang]] : [])];
    const due = c.dueAt ? `${lang === 'zh' ? '，' : ', '}${WORDS.due[lang]} ${districtClock(c.dueAt, utcOffsetMinutes)}` : '';
    return {
      headline: `${label}${WORDS.number[lang](c.number)} ${c.title}`,
      details: [
        facts.join(' · '),
        `${WORDS.now[lang]}${lang === 'zh' ? '：' : ': '}${labelOf(CASE_GLOSSARY.states[c.status], lang)}${due}`,
      ],
    };
  }
  if (event.cycle) {
    const c = event.cycle;
    const deadline = districtClock(c.deadlineAt, utcOffsetMinutes).slice(0, 10);
    const state =
      c.daysLate !== null ? WORDS.daysLate[lang](c.cycle, c.daysLate) : WORDS.daysLeft[lang](c.cycle, c.workingDaysLeft ?? 0, deadline);
    const owing = `${WORDS.owing[lang]}${lang === 'zh' ? '：' : ': '}${c.owing.map((u) => u.name).join(separator)}`;
    return { headline: `${label}${state}`, details: [c.district.name, owing] };
  }
  if (event.confirmation) {
    const c = event.confirmation;
    return {
      headline: `${label}${WORDS.confirm[lang](c.leader.name, c.leader.unit.name, c.occurredOn, c.confirmingUnit.name)}`,
      details: [],
    };
  }
  return { headline: label, details: [] };
}

/**
 * The inline markers of markdown in a text people typed, escaped (a title with `*` stays a title), and
 * `<`, since WeCom reads `<font>` tags; the rest is kept, as the robots' markdown dialects differ.
 */
const escapeMarkdown = (text: string) => text.replace(/[\\`*_[\]]/g, '\\$&').replace(/</g, '&lt;');

/**
 * The vendors' limits on a message (WeCom: text 2,048 bytes, markdown 4,096 bytes of UTF-8), kept for
 * DingTalk too: cut at a character, never inside one.
 */
const MAX_BYTES = { text: 2048, markdown: 4096 } as const;
function cutToBytes(text: string, maxBytes: number): string {
  const encoder = new TextEncoder();
  if (encoder.encode(text).length <= maxBytes) return text;
  const kept: string[] = [];
  let bytes = 3; // the ellipsis
  for (const character of text) {
    bytes += encoder.encode(character).length;
    if (bytes > maxBytes) break;
    kept.push(character);
  }
  return `${kept.join('')}…`;
}

/**
 * The body a group robot takes: WeCom `{msgtype, text: {content}}` / `{msgtype, markdown: {content}}`,
 * DingTalk `{msgtype, text: {content}}` / `{msgtype, markdown: {title, text}}` (each vendor's
 * documented shape for a group robot's webhook).
 */
export function robotBody(format: Exclude<WebhookFormat, 'json'>, event: WebhookEvent, options: MessageOptions) {
  const { headline, details } = messageLines(event, options);
  if (format === 'wecom_text' || format === 'dingtalk_text') {
    const content = cutToBytes([headline, ...details].join('\n'), MAX_BYTES.text);
    return { msgtype: 'text', text: { content } };
  }
  const markdown = cutToBytes(
    [`**${escapeMarkdown(headline)}**`, ...details.map((d) => `> ${escapeMarkdown(d)}`)].join('\n\n'),
    MAX_BYTES.markdown,
  );
  if (format === 'wecom_markdown') return { msgtype: 'markdown', markdown: { content: markdown } };
  // DingTalk shows the title in the chat list and notifications; the text in the group.
  return { msgtype: 'markdown', markdown: { title: cutToBytes(headline, 256), text: markdown } };
}
