import { z } from 'zod';
import { booleanFlag } from '../query.schemas.ts';
import { attachmentView } from './attachments.schemas.ts';
import { lineText } from '../../model/text.ts';
import { CASE_KINDS } from '../../model/cases/filing.ts';
import { LEVELS } from '../../model/cases/outcome.ts';
import { ROLES } from '../../model/directory/roles.ts';
import { boundedDate } from '../../model/dates.ts';
import { CASE_STATUSES } from '../../model/cases/lifecycle.ts';
import { duplicateSuggestion } from './look-alikes.schemas.ts';
import { CASE_LIST_SORTS, OWNER_FILTERS } from '../../model/cases/case-filter.ts';
import { VIEW_ACTIONS } from '../../model/cases/lifecycle.ts';

export const caseIdParams = z.strictObject({ id: z.uuid() });

export const listCasesQuery = z.strictObject({
  unit: z.uuid().optional(),
  status: z
    .string()
    .transform((v) => v.split(',').map((s) => s.trim()))
    .pipe(z.array(z.enum(CASE_STATUSES)).min(1))
    .optional(),
  kind: z.enum(CASE_KINDS).optional(),
  urgent: booleanFlag.optional(),
  overdue: booleanFlag.optional(),
  owner: z
    .union([z.enum(OWNER_FILTERS), z.uuid()])
    .optional()
    .describe('me: the caller holds it; none: nobody holds it inside the level holding it; a user id: that user holds it'),
  held: booleanFlag
    .optional()
    .describe('true: only the cases the caller’s level holds now (the statuses from which the caller’s role may take a case)'),
  filedFrom: boundedDate.optional(),
  filedTo: boundedDate.optional(),
  q: lineText(200, 2).optional(),
  sort: z
    .enum(CASE_LIST_SORTS)
    .default('newest')
    .describe('newest: newest filed first; due: overdue first, then the nearest deadline (none last), as the work queues show them'),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(500).optional(),
});

/** The filters alone of `GET /cases`, without its order and paging (what "all matching" a filter means). */
export const caseFilterQuery = listCasesQuery.omit({ sort: true, limit: true, cursor: true });

const unitRef = z.object({ id: z.uuid(), code: z.string(), name: z.string() });
/** A person as the API names them; the name is empty when the account is gone. */
export const person = z.object({ id: z.uuid(), name: z.string() });

const caseSummary = z.object({
  id: z.uuid(),
  number: z.number().int(),
  status: z.enum(CASE_STATUSES),
  kind: z.enum(CASE_KINDS),
  urgent: z.boolean(),
  title: z.string(),
  category: z.string(),
  location: z.string(),
  reporter: z
    .object({ name: z.string(), contact: z.string().nullable(), email: z.string().nullable() })
    .describe(
      'Contact and e-mail masked (139****5678) for everyone but the filing unit’s staff; their views are written to the access log.',
    ),
  filingUnit: unitRef,
  responsibleLevel: z.enum(LEVELS),
  owner: person.nullable().describe('The named owner inside the level holding the case; cleared when the case moves to another level.'),
  dueAt: z.iso.datetime().nullable(),
  overdue: z.boolean(),
  filedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  allowedActions: z
    .array(z.enum(VIEW_ACTIONS))
    .describe(
      'The steps the caller may take now (`POST /cases/:id/<action>`, or for many cases at once `POST /bulk-steps`); `attach`: `POST /cases/:id/attachments`',
    ),
});

const caseLink = z
  .object({ number: z.number().int(), id: z.uuid().optional(), title: z.string().optional() })
  .describe('Another case named by a merge: its ledger number always; its id and title only when the caller may open it');

export const caseList = z.object({ items: z.array(caseSummary), nextCursor: z.string().nullable() });

export const caseView = caseSummary.extend({
  workflowId: z.string(),
  description: z.string(),
  foundOn: z.iso.date(),
  triedLocally: z.string(),
  helpNeeded: z.string(),
  coordinates: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
  calendarVersion: z.number().int().nullable(),
  details: z.record(z.string(), z.unknown()),
  mergedInto: caseLink.nullable().describe('The case this one was merged into'),
  duplicates: z.array(caseLink).describe('The cases merged into this one, in the order they were merged'),
  history: z.array(
    z.object({
      sequence: z.number().int(),
      type: z.string(),
      fromStatus: z.enum(CASE_STATUSES).nullable(),
      toStatus: z.enum(CASE_STATUSES),
      actorRole: z.enum(ROLES).nullable(),
      actor: person.nullable(),
      comment: z.string().nullable(),
      linkedCase: caseLink
        .nullable()
        .describe('The other case of a merge the event is about: merged into, a duplicate attached, closed with'),
      owner: person.nullable().describe('The owner the event names: taken by, assigned to, released by, cleared'),
      attachments: z.array(z.object({ id: z.uuid(), fileName: z.string() })).describe('The files the event added or answered with'),
      occurredAt: z.iso.datetime(),
    }),
  ),
  attachments: z.array(attachmentView),
});

export const filedCaseView = caseView.extend({ possibleDuplicates: z.array(duplicateSuggestion) });
