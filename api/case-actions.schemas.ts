import { z } from 'zod';
import type { ActionName } from '../workflows/definitions.ts';
import { plainText } from './text.schemas.ts';

const text = (max: number) => plainText(max);
const optionalComment = text(2000).optional();

const filingEdits = z.strictObject({
  title: plainText(200, 3).optional(),
  description: text(5000).optional(),
  category: text(100).optional(),
  location: text(300).optional(),
  triedLocally: text(3000).optional(),
  helpNeeded: text(3000).optional(),
});

/** The body of each step; the actor always comes from the session, never from the body. */
export const actionBodies = {
  submit: z.strictObject({ comment: optionalComment }),
  resubmit: z.strictObject({ comment: optionalComment, edits: filingEdits.optional() }),
  forward: z.strictObject({ summary: text(3000) }),
  solve: z.strictObject({ resolution: text(3000) }),
  return: z.strictObject({ questions: text(3000) }),
  merge: z.strictObject({ primaryCaseId: z.uuid(), comment: optionalComment }),
  reject: z.strictObject({ reason: text(3000) }),
  assign: z.strictObject({ coordinatingBody: text(200), comment: optionalComment }),
  note: z.strictObject({ note: text(3000) }),
  resolve: z.strictObject({ resolution: text(3000) }),
  declareUnsolvable: z.strictObject({ reason: text(3000), referTo: text(300) }),
  feedback: z
    .strictObject({ satisfied: z.boolean(), reason: text(3000).optional() })
    .refine((b) => b.satisfied || b.reason !== undefined, { message: 'say why the reporter is not satisfied', path: ['reason'] }),
} satisfies { [A in ActionName]: z.ZodType };

export const ACTION_ROUTES: { [A in ActionName]: { path: string; summary: string } } = {
  submit: { path: 'submit', summary: 'Street staff hand a regular case to the district now, ahead of the semi-annual submission.' },
  resubmit: {
    path: 'resubmit',
    summary: 'Street staff answer the district’s questions (optionally editing the case) and send it back; the deadline resumes.',
  },
  forward: { path: 'forward', summary: 'The district forwards the case for municipal coordination, with its summary.' },
  solve: { path: 'solve', summary: 'The district solves the case itself; the result goes down to the reporter.' },
  return: { path: 'return', summary: 'The district returns the case to the street for more information; its deadline pauses.' },
  merge: { path: 'merge', summary: 'The district merges the case into an open case on the same problem; it closes with that case.' },
  reject: { path: 'reject', summary: 'The district rejects the case with a reason the filer can read.' },
  assign: { path: 'assign', summary: 'The municipal liaison names the body coordinating the case.' },
  note: { path: 'notes', summary: 'The municipal liaison records progress.' },
  resolve: { path: 'resolve', summary: 'The municipal liaison records what was done; the result goes down to the reporter.' },
  declareUnsolvable: {
    path: 'declare-unsolvable',
    summary: 'The municipal liaison declares the case cannot be solved, why, and whom to turn to.',
  },
  feedback: {
    path: 'feedback',
    summary: 'Street staff record the reporter’s answer: satisfied closes the case, not satisfied reopens it where it was resolved.',
  },
};
