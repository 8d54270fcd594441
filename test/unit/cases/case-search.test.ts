import { describe, expect, it } from 'vitest';
import { queryGrams, searchGrams } from '../../../domain/cases/case-search.ts';
import { likeLiteral } from '../../../lib/db.ts';

const fields = (title: string, description = '', location = '', category = '') => ({ title, description, location, category });

describe('search grams', () => {
  const texts = ['幸福路路灯不亮', 'Broken Pump at Canal Street', '雨后积水 Elm Road 路灯 12号', 'Fees up 100% at the market'];

  it('hold every piece of every substring of 2 characters or more, whatever its case', () => {
    for (const text of texts) {
      const grams = new Set(searchGrams(fields('x', text)));
      const chars = Array.from(text);
      for (let from = 0; from < chars.length; from += 1)
        for (let to = from + 2; to <= chars.length; to += 1) {
          const q = chars.slice(from, to).join('');
          for (const piece of [...queryGrams(q), ...queryGrams(q.toUpperCase())]) expect(grams.has(piece), `${q}: ${piece}`).toBe(true);
        }
    }
  });

  it('are bigrams for Chinese, trigrams for Latin, and nothing for one character', () => {
    expect(queryGrams('路灯')).toEqual(['路灯']);
    expect(queryGrams('路灯不亮')).toEqual(['路灯', '灯不', '不亮']);
    expect(queryGrams('Elm Road')).toEqual(['elm', 'lm ', 'm r', ' ro', 'roa', 'oad']);
    expect(queryGrams('路')).toEqual([]);
    expect(searchGrams(fields('ab', '', 'cd'))).toEqual(['ab', 'cd']);
  });

  it('escape LIKE wildcards and the escape character', () => {
    expect(likeLiteral('100%_a\\b')).toBe('100\\%\\_a\\\\b');
  });
});
