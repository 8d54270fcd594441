import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROLES } from '../../../model/directory/roles.ts';
import {
  CASE_ACTIONS,
  CASE_EVENT_TYPES,
  CASE_STATUSES,
  CYCLE_MOVES,
  FINAL_STATUSES,
  NOTICE_KINDS,
  OPEN_STATUSES,
  TRANSITIONS,
  availableActions,
  lifecycleDiagram,
  refuseUpdate,
  rolesFor,
  targetOf,
} from '../../../model/cases/lifecycle.ts';

describe('the transition table', () => {
  it('gives each role only its own steps', () => {
    const ownerSteps = ['take', 'assignOwner', 'release'];
    expect(availableActions('district_review', 'district_officer')).toEqual([
      'forward',
      'solve',
      'return',
      'merge',
      'reject',
      'note',
      ...ownerSteps,
    ]);
    // The filing unit adds notes wherever its case is, but owns it only while the case is with the unit.
    expect(availableActions('district_review', 'street_staff')).toEqual(['note']);
    expect(availableActions('awaiting_feedback', 'street_staff')).toEqual(['note', 'feedback', ...ownerSteps]);
    expect(availableActions('municipal_coordination', 'municipal_liaison')).toEqual([
      'assign',
      'note',
      'resolve',
      'declareUnsolvable',
      ...ownerSteps,
    ]);
    expect(availableActions('municipal_coordination', 'district_officer')).toEqual([]);
    for (const status of CASE_STATUSES) expect(availableActions(status, 'admin')).toEqual([]);
  });

  it('offers nothing on closed, rejected or merged cases, and counts only the working statuses as open', () => {
    for (const status of ['closed', 'rejected', 'merged'] as const) {
      for (const role of ROLES) expect(availableActions(status, role)).toEqual([]);
    }
    expect(FINAL_STATUSES).toEqual(['closed', 'rejected']);
    expect(OPEN_STATUSES).not.toContain('merged');
    expect([...OPEN_STATUSES, ...FINAL_STATUSES, 'merged'].sort()).toEqual([...CASE_STATUSES].sort());
  });

  it('names the wrong taker before the wrong state', () => {
    expect(refuseUpdate('forward', 'awaiting_submission', 'street_staff')?.kind).toBe('forbidden');
    const wrongState = refuseUpdate('forward', 'awaiting_submission', 'district_officer');
    expect(wrongState?.kind).toBe('invalid_state');
    expect(wrongState?.message).toContain('district_review');
    expect(refuseUpdate('forward', 'district_review', 'district_officer')).toBeUndefined();
    // The cycle forwards a batch as the approving officer, or as the system when no review is asked for.
    expect(refuseUpdate('forwardWithBatch', 'district_review', 'system')).toBeUndefined();
    expect(refuseUpdate('submitWithLedger', 'district_review', 'street_staff')?.kind).toBe('invalid_state');
  });

  it('agrees with availableActions for every action, status and role', () => {
    for (const action of CASE_ACTIONS) {
      for (const status of CASE_STATUSES) {
        for (const role of ROLES) {
          expect(refuseUpdate(action, status, role) === undefined).toBe(availableActions(status, role).includes(action));
        }
      }
    }
  });

  it('gives every step, cycle move, event type and notice a transition, and only statuses that exist', () => {
    const transitions = Object.values(TRANSITIONS);
    for (const via of [...CASE_ACTIONS, ...CYCLE_MOVES]) expect(transitions.some((t) => t.via === via)).toBe(true);
    for (const type of CASE_EVENT_TYPES) expect(transitions.some((t) => t.event === type)).toBe(true);
    for (const notice of NOTICE_KINDS) expect(transitions.some((t) => (t.notices as readonly string[]).includes(notice))).toBe(true);
    for (const t of transitions) {
      for (const status of [...t.from, ...(t.to === 'unchanged' ? [] : t.to)]) expect(CASE_STATUSES).toContain(status);
    }
    for (const action of CASE_ACTIONS) expect(rolesFor(action).length).toBeGreaterThan(0);
  });

  it('leads only where the table allows', () => {
    expect(targetOf('forward', 'district_review')).toBe('municipal_coordination');
    expect(targetOf('note', 'municipal_coordination')).toBe('municipal_coordination');
    expect(targetOf('reopen', 'awaiting_feedback', 'municipal_coordination')).toBe('municipal_coordination');
    expect(() => targetOf('reopen', 'awaiting_feedback')).toThrow(/cannot lead/);
    expect(() => targetOf('reopen', 'awaiting_feedback', 'closed')).toThrow(/cannot lead/);
    expect(() => targetOf('forward', 'closed')).toThrow(/cannot start/);
    expect(targetOf('fileUrgent', null)).toBe('district_review');
  });

  it('is the state diagram docs/features/cases.md shows', () => {
    const chapter = readFileSync(path.join(import.meta.dirname, '..', '..', '..', 'docs', 'features', 'cases.md'), 'utf8');
    const shown = /```mermaid\n(stateDiagram-v2[\s\S]*?)\n```/.exec(chapter)?.[1];
    expect(shown).toBe(lifecycleDiagram());
  });
});
