import { z } from 'zod';
import { BELL_KINDS, BELL_LIMIT } from '../../domain/cases/bell.ts';
import { person } from './cases.schemas.ts';

export const bellView = z.object({
  unread: z.number().int().describe(`How many of the items are not read yet (of the newest ${BELL_LIMIT})`),
  items: z.array(
    z.object({
      key: z.string().describe('The item’s key, to mark it read'),
      kind: z
        .enum(BELL_KINDS)
        .describe(
          'assigned: a colleague made the caller the case’s owner; returned: the district sent the unit’s case back with questions; due_soon / overdue: a case the caller owns is due within a day, or past its deadline',
        ),
      at: z.iso.datetime().describe('When it happened (for due_soon / overdue: the deadline)'),
      by: person.nullable(),
      case: z.object({ id: z.uuid(), number: z.number().int(), title: z.string() }),
      read: z.boolean(),
    }),
  ),
});

export const markBellReadBody = z.strictObject({
  keys: z.array(z.string().min(1).max(200)).min(1).max(BELL_LIMIT).optional().describe('The items to mark; absent: every item shown now'),
});
