import type { Role } from './directory/roles.ts';

/**
 * The shape of every thing with states (a case, a recommendation round, a leader's activity under
 * review, a member's registration, a service record, an appendix submission, an export job): one
 * table of transitions, each naming the step that takes it (`via`), who may take it, from which
 * states, to which state, the event it records and the notices it sends. Everything else derives
 * from the table: Update validators and domain checks (`refuse`), route roles (`rolesFor`), the
 * `allowedActions` the API returns (`allowedActions`), and the diagrams in the docs (`diagram`).
 * Pure and free of imports at run time: workflow code uses it too.
 */

/** Who takes a transition: a role, or the system itself (timers, workflows, other lifecycles). */
export type Taker = Role | 'system';

export type Transition<S extends string, A extends string, E extends string, N extends string> = {
  /** The step that takes it; null for what happens by itself (a timer, a workflow's own move). */
  via: A | null;
  by: readonly Taker[];
  /** Empty: the transition creates the thing. */
  from: readonly S[];
  /** Where it leads; `unchanged` for records that leave the state as it is. */
  to: readonly S[] | 'unchanged';
  event: E;
  notices: readonly N[];
  /** One line for the state diagram. */
  label: string;
};

/**
 * Why a step may not be taken now. The wrong taker is named before the wrong state. `subject` names
 * the table (its spec's), so the words of the refusal can be found in the glossary (model/refusals.ts).
 */
export type Refusal<S extends string, A extends string> =
  | { kind: 'forbidden'; subject: string; action: A; taker: Taker; message: string }
  | { kind: 'invalid_state'; subject: string; action: A; state: S; allowedFrom: readonly S[]; message: string };

/**
 * A refusal by a rule beside the table (whether someone holds the case, whether a nominee is on the
 * shortlist), said in both languages so the API answers in the reader's; `invalid_input` names bad
 * values in the request rather than the wrong moment.
 */
export type RuleRefusal = {
  kind: 'forbidden' | 'invalid_state' | 'invalid_input';
  said: Words;
  /** The values the sentence names, for clients. */
  params?: Record<string, string | number | readonly (string | number)[]>;
};

/** A word as people read it: Chinese first, English second. */
export type Words = { zh: string; en: string };
/** A lifecycle's states and steps in the words people read (the glossary gathers each feature's). */
export type LifecycleWords<S extends string, A extends string> = { states: Record<S, Words>; actions: Record<A, Words> };

export type LifecycleSpec<
  S extends string,
  A extends string,
  E extends string,
  N extends string,
  T extends Record<string, Transition<S, A, E, N>>,
> = {
  /** What the thing is called in messages ("case", "round"). */
  subject: string;
  states: readonly S[];
  /** The steps people (or the system) take, in the order `allowedActions` lists them. */
  actions: readonly A[];
  transitions: T;
};

export type Lifecycle<
  S extends string,
  A extends string,
  E extends string,
  N extends string,
  T extends Record<string, Transition<S, A, E, N>>,
> = LifecycleSpec<S, A, E, N, T> & {
  /** Who may take a step, and from which states: the union of the transitions it can take (for route roles and docs). */
  stepRule(action: A): { by: readonly Taker[]; from: readonly S[] };
  /**
   * The states a taker may take a step from. Each transition pairs its takers with its from-states,
   * so a step several roles take at different levels (a case's owner steps) gives each only its own.
   */
  fromFor(action: A, taker: Taker): S[];
  /** The roles that may call a step's route. */
  rolesFor(action: A): Role[];
  /** What a role may do in this state (scope aside: that is the domain's to check). */
  allowedActions(state: S, role: Role): A[];
  /** Why a step may not be taken now by this taker, or undefined when it may. */
  refuse(action: A, state: S, taker: Taker): Refusal<S, A> | undefined;
  /** The transition a step takes for this taker in this state (the first the table lists), or undefined when it takes none. */
  transitionOf(action: A, state: S, taker: Taker): (keyof T & string) | undefined;
  /** The state a transition leads to from `from`; `choice` picks among several targets. Throws on a move the table does not allow. */
  targetOf(name: keyof T & string, from: S | null, choice?: S): S;
  /** A mermaid state diagram of the table. */
  diagram(options?: { finalStates?: readonly S[] }): string;
};

export function defineLifecycle<
  S extends string,
  A extends string,
  E extends string,
  N extends string,
  const T extends Record<string, Transition<S, A, E, N>>,
>(spec: LifecycleSpec<S, A, E, N, T>): Lifecycle<S, A, E, N, T> {
  const names = Object.keys(spec.transitions) as (keyof T & string)[];
  const transitionsVia = (action: A) =>
    names.map((name) => spec.transitions[name] as Transition<S, A, E, N>).filter((t) => t.via === action);

  const stepRule = (action: A) => {
    const transitions = transitionsVia(action);
    return {
      by: [...new Set(transitions.flatMap((t) => t.by))],
      from: [...new Set(transitions.flatMap((t) => t.from))],
    };
  };
  const fromFor = (action: A, taker: Taker): S[] => [
    ...new Set(transitionsVia(action).flatMap((t) => (t.by.includes(taker) ? t.from : []))),
  ];
  const rolesFor = (action: A): Role[] => stepRule(action).by.filter((taker): taker is Role => taker !== 'system');
  const allowedActions = (state: S, role: Role): A[] => spec.actions.filter((action) => fromFor(action, role).includes(state));
  const refuse = (action: A, state: S, taker: Taker): Refusal<S, A> | undefined => {
    if (!stepRule(action).by.includes(taker))
      return { kind: 'forbidden', subject: spec.subject, action, taker, message: `${taker} may not ${action} a ${spec.subject}` };
    const allowedFrom = fromFor(action, taker);
    if (!allowedFrom.includes(state)) {
      return {
        kind: 'invalid_state',
        subject: spec.subject,
        action,
        state,
        allowedFrom,
        message: `cannot ${action} while the ${spec.subject} is ${state} (possible when ${allowedFrom.join(' or ')})`,
      };
    }
    return undefined;
  };
  const transitionOf = (action: A, state: S, taker: Taker) =>
    names.find((name) => {
      const t = spec.transitions[name] as Transition<S, A, E, N>;
      return t.via === action && t.by.includes(taker) && t.from.includes(state);
    });
  const targetOf = (name: keyof T & string, from: S | null, choice?: S): S => {
    const transition = spec.transitions[name] as Transition<S, A, E, N>;
    if (from !== null && !transition.from.includes(from)) throw new Error(`transition ${name} cannot start from ${from}`);
    if (transition.to === 'unchanged') {
      if (from === null) throw new Error(`transition ${name} needs a current state`);
      return from;
    }
    const target = choice ?? (transition.to.length === 1 ? transition.to[0] : undefined);
    if (target === undefined || !transition.to.includes(target)) throw new Error(`transition ${name} cannot lead to ${String(choice)}`);
    return target;
  };
  const diagram = (options: { finalStates?: readonly S[] } = {}) => {
    const lines = ['stateDiagram-v2'];
    for (const name of names) {
      const t = spec.transitions[name] as Transition<S, A, E, N>;
      // What the system records in place (reminders, links) would only clutter the picture.
      if (t.to === 'unchanged' && t.by.every((taker) => taker === 'system')) continue;
      const sources = t.from.length === 0 ? ['[*]'] : t.from;
      for (const from of sources) {
        for (const to of t.to === 'unchanged' ? [from] : t.to) lines.push(`    ${from} --> ${to}: ${t.label}`);
      }
    }
    for (const state of options.finalStates ?? []) lines.push(`    ${state} --> [*]`);
    return lines.join('\n');
  };
  return { ...spec, stepRule, fromFor, rolesFor, allowedActions, refuse, transitionOf, targetOf, diagram };
}
