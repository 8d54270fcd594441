import { z } from 'zod';
import { savedCaseFilter } from '../../model/cases/case-filter.ts';
import { lineText } from '../../model/text.ts';
import { WORKLISTS } from '../../domain/cases/worklists.ts';
import { person } from './cases.schemas.ts';

export const savedViewParams = z.strictObject({ id: z.uuid() });

const viewFields = {
  name: lineText(60),
  shared: z.boolean().describe('true: the users of the caller’s unit see the view too (each under their own scope)'),
  filters: savedCaseFilter.describe(
    'The filters and sort of GET /cases as JSON (status as a list, flags as booleans); `owner: me` and `held` mean whoever opens the view',
  ),
};

export const createSavedViewBody = z.strictObject({ ...viewFields, shared: viewFields.shared.default(false) });
export const updateSavedViewBody = z
  .strictObject({ name: viewFields.name.optional(), shared: viewFields.shared.optional(), filters: viewFields.filters.optional() })
  .refine((body) => Object.keys(body).length > 0, { message: 'change at least one of name, shared, filters' });

export const savedViewView = z.object({
  id: z.uuid(),
  name: z.string(),
  shared: z.boolean(),
  filters: savedCaseFilter,
  owner: person,
  editable: z.boolean().describe('Only the one who saved the view may change or delete it'),
  updatedAt: z.iso.datetime(),
});
export const savedViewList = z.object({ items: z.array(savedViewView) });

export const worklistCountsView = z.object({
  lists: z.array(
    z.object({
      key: z.enum(WORKLISTS).describe('mine: the caller owns it; unassigned: nobody owns it in what the caller’s level holds; overdue'),
      filters: savedCaseFilter,
      count: z.number().int(),
    }),
  ),
  views: z.array(z.object({ id: z.uuid(), name: z.string(), shared: z.boolean(), filters: savedCaseFilter, count: z.number().int() })),
});
