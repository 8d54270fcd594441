import { z } from 'zod';
import { CASE_KINDS, CASE_STATUSES, ROLES } from '../workflows/definitions.ts';

const text = (max: number) => z.string().trim().min(1).max(max);

export const fileCaseBody = z.strictObject({
  kind: z.enum(CASE_KINDS),
  urgent: z.boolean().default(false),
  title: z.string().trim().min(3).max(200),
  description: text(5000),
  category: text(100),
  location: text(300),
  foundOn: z.iso.date().refine((d) => d <= new Date().toISOString().slice(0, 10), 'cannot be in the future'),
  triedLocally: text(3000),
  helpNeeded: text(3000),
  reporter: z.strictObject({
    name: text(100),
    contact: text(100).optional(),
    email: z.email().optional(),
  }),
});

export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string({ error: 'the Idempotency-Key header is required' })
    .min(8)
    .max(200)
    .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only'),
});

export const caseIdParams = z.strictObject({ id: z.uuid() });

export const submitCaseBody = z.strictObject({ comment: z.string().trim().max(2000).optional() });

export const caseView = z.object({
  id: z.uuid(),
  number: z.number().int(),
  workflowId: z.string(),
  status: z.enum(CASE_STATUSES),
  kind: z.enum(CASE_KINDS),
  urgent: z.boolean(),
  title: z.string(),
  description: z.string(),
  category: z.string(),
  location: z.string(),
  foundOn: z.iso.date(),
  triedLocally: z.string(),
  helpNeeded: z.string(),
  reporter: z.object({ name: z.string(), contact: z.string().nullable(), email: z.string().nullable() }),
  filingUnit: z.object({ id: z.uuid(), code: z.string(), name: z.string() }),
  filedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  closedAt: z.iso.datetime().nullable(),
  history: z.array(
    z.object({
      sequence: z.number().int(),
      type: z.string(),
      fromStatus: z.enum(CASE_STATUSES).nullable(),
      toStatus: z.enum(CASE_STATUSES),
      actorRole: z.enum(ROLES).nullable(),
      comment: z.string().nullable(),
      occurredAt: z.iso.datetime(),
    }),
  ),
  allowedActions: z.array(z.string()),
});
