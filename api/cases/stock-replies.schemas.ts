import { z } from 'zod';
import { STOCK_REPLY_STEPS, stockReplyFields } from '../../model/cases/stock-replies.ts';

export const stockReplyParams = z.strictObject({ id: z.uuid() });

const PLACEHOLDER_NOTE = 'may name {number} (the case number), {unit} (the filing unit) and {deadline} (the level’s deadline)';
export const createStockReplyBody = stockReplyFields.extend({
  textZh: stockReplyFields.shape.textZh.describe(`The Chinese text; ${PLACEHOLDER_NOTE}`),
  textEn: stockReplyFields.shape.textEn.describe(`The English text; ${PLACEHOLDER_NOTE}`),
});
export const updateStockReplyBody = createStockReplyBody
  .partial()
  .refine((body) => Object.keys(body).length > 0, { message: 'change at least one field' });

export const stockReplyView = z.object({
  id: z.uuid(),
  name: z.string(),
  step: z.enum(STOCK_REPLY_STEPS),
  category: z.string().nullable(),
  districtId: z.uuid().nullable().describe('null: offered in every district'),
  textZh: z.string(),
  textEn: z.string(),
  editable: z.boolean().describe('The caller may change or delete it (admins all; a district officer their district’s)'),
  updatedAt: z.iso.datetime(),
});
export const stockReplyList = z.object({ items: z.array(stockReplyView) });

export const caseStockRepliesQuery = z.strictObject({ step: z.enum(STOCK_REPLY_STEPS) });
export const caseStockReplyList = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      name: z.string(),
      category: z.string().nullable(),
      text: z.object({ zh: z.string(), en: z.string() }).describe('The text with the case’s number, unit and deadline filled in'),
    }),
  ),
});
