/**
 * A filing kept in the browser until the API has it (docs/web.md#on-a-phone-installing-and-working-without-a-signal).
 * The server's lifecycles (model/lifecycle.ts) are about roles, events and notices of a thing the API keeps; a draft
 * has none of them and lives only in one browser, so its table is this small one of the same idea: every move, from
 * where, to where. `null` is "no draft" (before it is made, after it is forgotten). Sending is not a state: a Web
 * Lock keeps one tab at a time sending, and a tab closed mid-send leaves the draft where it was, to be sent again
 * under the same keys.
 */
export const DRAFT_STATES = ['waiting', 'refused', 'filed'] as const;
export type DraftState = (typeof DRAFT_STATES)[number];

type Move = { from: readonly (DraftState | null)[]; to: DraftState | null; label: string };

export const DRAFT_TRANSITIONS = {
  save: { from: [null], to: 'waiting', label: 'the clerk files: kept with its Idempotency-Key and its photos' },
  resubmit: { from: ['refused'], to: 'waiting', label: 'the clerk corrects a refused filing (same key: nothing was filed)' },
  refuse: { from: ['waiting'], to: 'refused', label: 'the API refuses the filing (its field errors kept): back to the clerk' },
  file: { from: ['waiting'], to: 'filed', label: 'the API has the case; photos still to send' },
  finish: { from: ['filed'], to: null, label: 'every photo is on the case: forgotten' },
  dismiss: { from: ['filed'], to: null, label: 'the clerk has read that a photo was refused: forgotten' },
  discard: { from: ['waiting', 'refused'], to: null, label: 'the clerk throws the filing away' },
} as const satisfies Record<string, Move>;

export type DraftMove = keyof typeof DRAFT_TRANSITIONS;

/** Where a move leads from `state`; throws on a move the table does not allow (a bug, never a user's doing). */
export function moveDraft(state: DraftState | null, move: DraftMove): DraftState | null {
  const transition: Move = DRAFT_TRANSITIONS[move];
  if (!transition.from.includes(state)) throw new Error(`a draft cannot ${move} when ${state ?? 'there is none'}`);
  return transition.to;
}

/** Whether the clerk may take a move now (the drafts screen shows only these buttons). */
export const canMoveDraft = (state: DraftState, move: DraftMove) =>
  (DRAFT_TRANSITIONS[move].from as readonly (DraftState | null)[]).includes(state);

/**
 * What an answer of the API means for a draft: `done`, `refused` (a 4xx that sending again would not change: back to
 * the clerk) or `later` (no network, the server or its dependencies down, the first request under the key still
 * running, or the session over: the same request, with the same key, goes again).
 */
export type SendOutcome = 'done' | 'refused' | 'later';

export function outcomeOf(status: number, code?: string): SendOutcome {
  if (status >= 200 && status < 300) return 'done';
  if (status === 0 || status >= 500 || status === 401 || status === 408 || status === 429) return 'later';
  if (status === 409 && code === 'idempotency_request_in_progress') return 'later';
  return 'refused';
}

/** How long to wait before the next try after `failures` tries in a row found no way through: 2 s doubling, at most a minute. */
export const retryDelayMs = (failures: number) => Math.min(60_000, 2_000 * 2 ** Math.max(0, failures - 1));
