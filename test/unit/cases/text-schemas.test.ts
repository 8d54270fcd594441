import { describe, expect, it } from 'vitest';
import { listCasesQuery } from '../../../api/cases/cases.schemas.ts';
import { caseFiling } from '../../../model/cases/filing.ts';
import { lineText, MULTI_LINE_TEXT, plainText } from '../../../model/text.ts';
import { filing } from '../../support/fixtures.ts';

describe('plain text inputs', () => {
  it('keep tabs and line breaks but refuse NUL and other control characters', () => {
    expect(plainText(100).safeParse('two\nlines\tand a tab').success).toBe(true);
    for (const bad of ['nul\u0000byte', 'bell\u0007', 'escape\u001b[0m', 'del\u007f'])
      expect(plainText(100).safeParse(bad).success).toBe(false);
  });

  it('guard every text field a case is filed with, and the search box', () => {
    const result = caseFiling.safeParse(filing({ title: 'Broken\u0000 light', reporter: { name: 'Li\u0000' } }));
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['title', 'reporter.name']);
    expect(listCasesQuery.safeParse({ q: 'F\u00e8\u0000VY' }).success).toBe(false);
  });
});

describe('header messages', () => {
  it('say "required" only when the header is missing', async () => {
    const { idempotencyHeaders } = await import('../../../api/idempotency.ts');
    expect(idempotencyHeaders.safeParse({}).error?.issues[0]?.message).toBe('the Idempotency-Key header is required');
    expect(idempotencyHeaders.safeParse({ 'idempotency-key': 'short' }).error?.issues[0]?.message).toMatch(/>=8 characters/);
  });
});

describe('invisible and direction-changing characters', () => {
  const refusedEverywhere = {
    'right-to-left override': 'invoice\u202Etxt.exe',
    'left-to-right embedding': 'a\u202Ab',
    'first strong isolate': 'a\u2068b\u2069',
    'left-to-right mark': 'a\u200Eb',
    'Arabic letter mark': 'a\u061Cb',
    'zero-width space': 'Elm\u200BRoad',
    'zero-width non-joiner': 'a\u200Cb',
    'zero-width joiner between letters': 'a\u200Db',
    'word joiner': 'a\u2060b',
    'byte order mark inside': 'a\uFEFFb',
    'soft hyphen': 'a\u00ADb',
    'C1 control': 'a\u0085b',
    'tag characters (hidden text)': 'hello\u{E0049}\u{E0047}\u{E004E}',
    'unpaired surrogate': 'a\uD800b',
  };

  it('are refused in single-line and multi-line text alike', () => {
    for (const [what, value] of Object.entries(refusedEverywhere)) {
      expect(plainText(100).safeParse(value).success, what).toBe(false);
      expect(lineText(100).safeParse(value).success, what).toBe(false);
    }
  });

  it('every format character (Cf) of the Basic Multilingual Plane and every tag character is refused', () => {
    const accepted: string[] = [];
    for (let cp = 0; cp <= 0xe007f; cp += cp === 0xffff ? 0xe0000 - 0xffff : 1) {
      const ch = String.fromCodePoint(cp);
      if (/\p{Cf}/u.test(ch) && MULTI_LINE_TEXT.test(`a${ch}b`)) accepted.push(cp.toString(16));
    }
    expect(accepted).toEqual([]);
  });

  it('keep Chinese, accents, emoji and the joiner inside an emoji sequence', () => {
    for (const value of ['路灯不亮', 'Café crème', 'family 👨‍👩‍👧', 'flag 🏳️‍🌈', 'heart ❤️‍🔥', '葛󠄀城']) {
      expect(lineText(100).safeParse(value).success, value).toBe(true);
    }
  });

  it('single-line fields refuse line breaks, tabs and the line and paragraph separators; multi-line fields keep them', () => {
    for (const value of ['a\nb', 'a\rb', 'a\tb', 'a\u2028b', 'a\u2029b']) {
      expect(lineText(100).safeParse(value).success, JSON.stringify(value)).toBe(false);
    }
    expect(plainText(100).safeParse('a\nb\r\nc\td').success).toBe(true);
    expect(caseFiling.safeParse(filing({ title: 'Lamp\u2028out' })).error?.issues.map((i) => i.path.join('.'))).toEqual(['title']);
  });

  it('checks the length before the pattern, so an oversized value is refused at once', () => {
    const result = plainText(10).safeParse('x'.repeat(200_000));
    expect(result.error?.issues.map((i) => i.code)).toEqual(['too_big']);
  });
});
