import { DomainError } from '../lib/errors.ts';
import type { Refusal, RuleRefusal, Taker } from '../model/lifecycle.ts';
import { refusalWords } from '../model/refusals.ts';

type Refuses<S extends string, A extends string> = { refuse(action: A, state: S, taker: Taker): Refusal<S, A> | undefined };

/**
 * A transition table's refusal as the API answers it: 403 for a taker the table does not name, 409 for
 * the wrong state; in the glossary's words, with the codes as params for clients.
 */
export const refusalError = (refusal: Refusal<string, string>) =>
  new DomainError(
    refusal.kind === 'forbidden' ? 'forbidden' : 'invalid_transition',
    refusalWords(refusal) ?? { log: refusal.message },
    undefined,
    undefined,
    refusal.kind === 'forbidden'
      ? { action: refusal.action, taker: refusal.taker }
      : { action: refusal.action, state: refusal.state, allowedFrom: refusal.allowedFrom },
  );

/** A refusal an Update's validator sent along (workflows/definitions.ts `updateRefusal`), or undefined. */
export function refusalIn(details: readonly unknown[] | undefined): Refusal<string, string> | undefined {
  const [first] = details ?? [];
  if (typeof first !== 'object' || first === null) return undefined;
  const candidate = first as Partial<Refusal<string, string>>;
  const isRefusal =
    (candidate.kind === 'forbidden' || candidate.kind === 'invalid_state') &&
    typeof candidate.subject === 'string' &&
    typeof candidate.action === 'string' &&
    typeof candidate.message === 'string';
  return isRefusal ? (candidate as Refusal<string, string>) : undefined;
}

/** A rule's refusal an Update's validator sent along in both languages, or undefined. */
export function ruleRefusalIn(details: readonly unknown[] | undefined): RuleRefusal | undefined {
  const [first] = details ?? [];
  if (typeof first !== 'object' || first === null) return undefined;
  const said = (first as Partial<RuleRefusal>).said;
  return said && typeof said.zh === 'string' && typeof said.en === 'string' ? (first as RuleRefusal) : undefined;
}

/** Throws when the table refuses the step to this taker in this state (scope and other rules are the caller's). */
export function requireStep<S extends string, A extends string>(lifecycle: Refuses<S, A>, action: A, state: S, taker: Taker): void {
  const refusal = lifecycle.refuse(action, state, taker);
  if (refusal) throw refusalError(refusal);
}
