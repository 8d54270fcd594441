import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ACTION_BODIES } from '../../../model/cases/case-actions.ts';
import { caseFiling, filingEdits } from '../../../model/cases/filing.ts';

describe('the filing', () => {
  it('has one set of field limits: a resubmission may edit each text within the limits of the filing itself', () => {
    const shape = caseFiling.shape;
    for (const [field, edit] of Object.entries(filingEdits.shape)) {
      const filed = shape[field as keyof typeof shape];
      expect([field, z.toJSONSchema(edit.unwrap())]).toEqual([field, z.toJSONSchema(filed)]);
    }
    expect(Object.keys(filingEdits.shape)).toEqual(['title', 'description', 'category', 'location', 'triedLocally', 'helpNeeded']);
  });

  it('refuses in an edit what it refuses in a filing, and fields a resubmission may not change', () => {
    const resubmit = ACTION_BODIES.resubmit;
    expect(resubmit.safeParse({ edits: { title: 'x'.repeat(201) } }).success).toBe(false);
    expect(resubmit.safeParse({ edits: { title: 'ab' } }).success).toBe(false);
    expect(resubmit.safeParse({ edits: { kind: 'hard_problem' } }).success).toBe(false);
    expect(resubmit.safeParse({ edits: { location: 'Elm Road 1-40' } }).success).toBe(true);
    expect(caseFiling.shape.title.safeParse('x'.repeat(201)).success).toBe(false);
  });
});
