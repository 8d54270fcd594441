import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { bulkStepRequest } from '../../../model/bulk/bulk-request.ts';
import { MAX_BULK_CASES, bulkProgressOf, type BulkStepInput } from '../../../model/bulk/bulk-steps.ts';
import { bulkJobIdFor } from '../../../domain/bulk/bulk-jobs.ts';

const input = (caseIds: string[]): BulkStepInput => ({
  jobId: 'job',
  step: 'take',
  body: {},
  caseIds,
  actor: { id: 'u', email: 'u@x', displayName: 'U', role: 'district_officer', orgUnitId: 'd' },
  startedAt: '2026-12-07T00:00:00.000Z',
});

describe('a bulk step', () => {
  it('counts each case once, in the order selected, pending until its outcome is known', () => {
    const progress = bulkProgressOf(
      input(['a', 'b', 'c']),
      new Map([
        ['c', { caseId: 'c', outcome: 'refused' as const, code: 'invalid_transition', reason: { zh: '状态已变', en: 'moved on' } }],
        ['a', { caseId: 'a', outcome: 'done' as const }],
      ]),
    );
    expect(progress.counts).toEqual({ total: 3, done: 1, refused: 1, pending: 1 });
    expect(progress.finished).toBe(false);
    expect(progress.items.map((item) => [item.caseId, item.outcome])).toEqual([
      ['a', 'done'],
      ['b', 'pending'],
      ['c', 'refused'],
    ]);
    expect(bulkProgressOf(input([]), new Map()).finished).toBe(true);
  });

  it('takes the step’s own body and either ids or a filter, at most the bound', () => {
    const id = randomUUID();
    expect(bulkStepRequest.safeParse({ step: 'forward', body: { summary: 'to the city' }, caseIds: [id] }).success).toBe(true);
    expect(bulkStepRequest.safeParse({ step: 'forward', body: {}, caseIds: [id] }).success).toBe(false);
    expect(bulkStepRequest.safeParse({ step: 'solve', body: { resolution: 'x' }, caseIds: [id] }).success).toBe(false);
    expect(bulkStepRequest.safeParse({ step: 'take', body: {}, caseIds: [id], matching: {} }).success).toBe(false);
    expect(bulkStepRequest.safeParse({ step: 'take', body: {} }).success).toBe(false);
    expect(bulkStepRequest.safeParse({ step: 'take', body: {}, matching: { status: ['district_review'] } }).success).toBe(true);
    const tooMany = Array.from({ length: MAX_BULK_CASES + 1 }, () => randomUUID());
    expect(bulkStepRequest.safeParse({ step: 'take', body: {}, caseIds: tooMany }).success).toBe(false);
  });

  it('is one job per caller and key', () => {
    expect(bulkJobIdFor('u1', 'key-1')).toBe(bulkJobIdFor('u1', 'key-1'));
    expect(bulkJobIdFor('u1', 'key-1')).not.toBe(bulkJobIdFor('u2', 'key-1'));
    expect(bulkJobIdFor('u1', 'key-1')).toMatch(/^[0-9a-f]{32}$/);
  });
});
