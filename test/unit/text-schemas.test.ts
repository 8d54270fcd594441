import { describe, expect, it } from 'vitest';
import { listCasesQuery, fileCaseBody } from '../../api/cases.schemas.ts';
import { plainText } from '../../model/text.ts';
import { filing } from '../support/fixtures.ts';

describe('plain text inputs', () => {
  it('keep tabs and line breaks but refuse NUL and other control characters', () => {
    expect(plainText(100).safeParse('two\nlines\tand a tab').success).toBe(true);
    for (const bad of ['nul\u0000byte', 'bell\u0007', 'escape\u001b[0m', 'del\u007f'])
      expect(plainText(100).safeParse(bad).success).toBe(false);
  });

  it('guard every text field a case is filed with, and the search box', () => {
    const result = fileCaseBody.safeParse(filing({ title: 'Broken\u0000 light', reporter: { name: 'Li\u0000' } }));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['title', 'reporter.name']);
    expect(listCasesQuery.safeParse({ q: 'F\u00e8\u0000VY' }).success).toBe(false);
  });
});

describe('header messages', () => {
  it('say "required" only when the header is missing', async () => {
    const { idempotencyHeaders } = await import('../../api/cases.schemas.ts');
    expect(idempotencyHeaders.safeParse({}).error?.issues[0]?.message).toBe('the Idempotency-Key header is required');
    expect(idempotencyHeaders.safeParse({ 'idempotency-key': 'short' }).error?.issues[0]?.message).toMatch(/>=8 characters/);
  });
});
