/**
 * `true` only when two unions hold the same members: a transition table's states against the
 * database enum that stores them, so that a state added on one side alone fails to compile.
 */
export type SameUnion<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
