import { z } from 'zod';
import type { CaseAction } from './lifecycle.ts';
import { lineText, plainText } from '../text.ts';

/**
 * Stock replies: texts kept for the steps that ask for one (the district's questions, a solution,
 * a rejection ...), in Chinese and English, offered in the step's dialog. Using one is not a rule:
 * the text lands in the step's field, stays editable, and the step validates it as typed.
 */
export const STOCK_REPLY_STEPS = [
  'forward',
  'solve',
  'return',
  'reject',
  'resolve',
  'declareUnsolvable',
  'note',
  'feedback',
  'resubmit',
] as const satisfies readonly CaseAction[];
export type StockReplyStep = (typeof STOCK_REPLY_STEPS)[number];
export const isStockReplyStep = (action: string): action is StockReplyStep => (STOCK_REPLY_STEPS as readonly string[]).includes(action);

/** What a template may name; filled from the case when a step's dialog asks for the templates. */
export const STOCK_REPLY_PLACEHOLDERS = ['number', 'unit', 'deadline'] as const;
export type StockReplyPlaceholder = (typeof STOCK_REPLY_PLACEHOLDERS)[number];
export type PlaceholderValues = Record<StockReplyPlaceholder, string>;

/** `{number}`, `{unit}` and `{deadline}` replaced; any other brace text is left as written. */
export function fillPlaceholders(text: string, values: PlaceholderValues): string {
  return text.replace(/\{(number|unit|deadline)\}/g, (_, name: StockReplyPlaceholder) => values[name]);
}

/** As long as the longest field a stock reply fills (a summary, a solution, a reason: 3000). */
const replyText = plainText(3000);

export const stockReplyFields = z.strictObject({
  name: lineText(60),
  step: z.enum(STOCK_REPLY_STEPS),
  /** Null or absent: offered for every category. */
  category: lineText(100).nullable().optional(),
  textZh: replyText,
  textEn: replyText,
  /**
   * The district whose staff are offered it; null: every district (kept by admins). Absent: an
   * admin's reply is for every district, a district officer's for their own.
   */
  districtId: z.uuid().nullable().optional(),
});
export type StockReplyInput = z.output<typeof stockReplyFields>;
