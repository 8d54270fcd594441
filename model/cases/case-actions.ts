import { z } from 'zod';
import { bilingual } from '../../lib/errors.ts';
import type { Actor } from '../directory/roles.ts';
import type { CaseAction } from './lifecycle.ts';
import { lineText, plainText } from '../text.ts';
import { filingEdits } from './filing.ts';
import { MAX_ATTACHMENTS_PER_OWNER } from '../attachments.ts';

const optionalComment = plainText(2000).optional();

/**
 * The body of each step, as the API accepts it; the Update's payload is exactly this plus the actor
 * (always from the session, never from the body). Rules on the body alone live here and nowhere else.
 */
export const ACTION_BODIES = {
  submit: z.strictObject({ comment: optionalComment }),
  resubmit: z.strictObject({
    comment: optionalComment,
    edits: filingEdits.optional(),
    /** Files already added to the case (`POST /cases/:id/attachments`) that answer the district's questions. */
    attachmentIds: z.array(z.uuid()).min(1).max(MAX_ATTACHMENTS_PER_OWNER).optional(),
  }),
  forward: z.strictObject({ summary: plainText(3000) }),
  solve: z.strictObject({ resolution: plainText(3000) }),
  return: z.strictObject({ questions: plainText(3000) }),
  merge: z.strictObject({ primaryCaseId: z.uuid(), comment: optionalComment }),
  reject: z.strictObject({ reason: plainText(3000) }),
  assign: z.strictObject({ coordinatingBody: lineText(200), comment: optionalComment }),
  note: z.strictObject({ note: plainText(3000) }),
  resolve: z.strictObject({ resolution: plainText(3000) }),
  declareUnsolvable: z.strictObject({ reason: plainText(3000), referTo: lineText(300) }),
  feedback: z
    .strictObject({ satisfied: z.boolean(), reason: plainText(3000).optional() })
    .refine((b) => b.satisfied || b.reason !== undefined, {
      message: bilingual({ zh: '请说明反映人不满意的原因', en: 'say why the reporter is not satisfied' }),
      path: ['reason'],
    }),
  take: z.strictObject({ comment: optionalComment }),
  assignOwner: z.strictObject({ assigneeId: z.uuid(), comment: optionalComment }),
  release: z.strictObject({ comment: optionalComment }),
} satisfies { [A in CaseAction]: z.ZodType };

export type ActionBody<A extends CaseAction> = z.output<(typeof ACTION_BODIES)[A]>;
/** The same schemas, typed per action, so code generic in the action keeps each body's own type. */
export const ACTION_SCHEMAS: { [A in CaseAction]: z.ZodType<ActionBody<A>> } = ACTION_BODIES;

/** A file as the case's history names it. */
export type FileRef = { id: string; fileName: string };

/** What the domain adds to a body from what it looked up itself, never from the caller. */
type ServerFacts = {
  merge: { primaryNumber: number };
  /** The colleague named by `assigneeId`, as the directory has them. */
  assignOwner: { assignee: Actor };
  /** The files named by `attachmentIds`, found on this case. */
  resubmit: { attachments?: FileRef[] };
};

export type ActionRequest<A extends CaseAction> = ActionBody<A> &
  (A extends keyof ServerFacts ? ServerFacts[A] : unknown) & { actor: Actor };

/** The cycle's moves: its unit's ledger carries the case to the district; the district's batch carries it to the city. */
export type SubmitWithLedgerRequest = { actor: Actor; cycle: string };
export type ForwardWithBatchRequest = { actor: Actor | null; cycle: string; summary: string };

/** A file added to the case: the domain has stored it under the case's lock and records it in the history. */
export type AttachRequest = { actor: Actor; attachment: FileRef };

/** A claim: the claiming unit's clerk (the actor) names the leader who leads it; the domain adds the names it looked up. */
export const claimBody = z.strictObject({ leaderId: z.uuid() });
export type ClaimRequest = z.output<typeof claimBody> & { actor: Actor; leaderName: string; unitName: string };
