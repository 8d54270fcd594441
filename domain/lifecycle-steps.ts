import { DomainError } from '../lib/errors.ts';
import type { Refusal, Taker } from '../model/lifecycle.ts';

type Refuses<S extends string, A extends string> = { refuse(action: A, state: S, taker: Taker): Refusal<S, A> | undefined };

/** A transition table's refusal as the API answers it: 403 for a taker the table does not name, 409 for the wrong state. */
export const refusalError = (refusal: Refusal<string, string>) =>
  new DomainError(refusal.kind === 'forbidden' ? 'forbidden' : 'invalid_transition', refusal.message);

/** Throws when the table refuses the step to this taker in this state (scope and other rules are the caller's). */
export function requireStep<S extends string, A extends string>(lifecycle: Refuses<S, A>, action: A, state: S, taker: Taker): void {
  const refusal = lifecycle.refuse(action, state, taker);
  if (refusal) throw refusalError(refusal);
}
