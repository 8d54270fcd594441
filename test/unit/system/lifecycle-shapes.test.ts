import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../model/directory/roles.ts';
import type { Transition } from '../../../model/lifecycle.ts';
import { LIFECYCLES } from '../../../model/lifecycles.ts';

type AnyTransition = Transition<string, string, string, string>;
type AnyLifecycle = {
  states: readonly string[];
  actions: readonly string[];
  transitions: Record<string, AnyTransition>;
  refuse(action: string, state: string, taker: string): unknown;
  allowedActions(state: string, role: string): string[];
};

/** The states a table reaches from the transitions that create the thing. */
function reachable(lifecycle: AnyLifecycle): Set<string> {
  const transitions = Object.values(lifecycle.transitions);
  const seen = new Set(transitions.filter((t) => t.from.length === 0).flatMap((t) => (t.to === 'unchanged' ? [] : t.to)));
  for (let grown = true; grown;) {
    grown = false;
    for (const t of transitions) {
      if (t.to === 'unchanged' || !t.from.some((s) => seen.has(s))) continue;
      for (const to of t.to.filter((s) => !seen.has(s))) {
        seen.add(to);
        grown = true;
      }
    }
  }
  return seen;
}

describe.each(Object.entries(LIFECYCLES as unknown as Record<string, AnyLifecycle>))('the %s table', (_name, lifecycle) => {
  const transitions = Object.values(lifecycle.transitions);

  it('names only its own states, and gives every step a transition someone may take', () => {
    for (const t of transitions) {
      for (const state of [...t.from, ...(t.to === 'unchanged' ? [] : t.to)]) expect(lifecycle.states).toContain(state);
      if (t.via !== null) expect(lifecycle.actions).toContain(t.via);
      expect(t.by.length).toBeGreaterThan(0);
    }
    for (const action of lifecycle.actions) expect(transitions.some((t) => t.via === action)).toBe(true);
  });

  it('reaches every state from where the thing is created', () => {
    expect(transitions.some((t) => t.from.length === 0)).toBe(true);
    expect([...reachable(lifecycle)].sort()).toEqual([...lifecycle.states].sort());
  });

  it('refuses exactly what it does not offer, for every step, state and role', () => {
    for (const action of lifecycle.actions) {
      for (const state of lifecycle.states) {
        for (const role of ROLES) {
          expect(lifecycle.refuse(action, state, role) === undefined).toBe(lifecycle.allowedActions(state, role).includes(action));
        }
      }
    }
  });
});
