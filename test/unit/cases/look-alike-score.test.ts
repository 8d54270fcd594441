import { describe, expect, it } from 'vitest';
import { LOOK_ALIKE_THRESHOLD, lookAlikeScore, phrasesOf, piecesOf } from '../../../domain/cases/look-alike-score.ts';
import { LOOK_ALIKE_PAIRS } from './look-alike-pairs.ts';

/** Precision and recall of the threshold on the pairs: the figures docs/features/cases.md states. */
function precisionRecall(threshold: number) {
  let found = 0;
  let wrong = 0;
  let missed = 0;
  for (const pair of LOOK_ALIKE_PAIRS) {
    const shown = lookAlikeScore(pair.a, pair.b).score >= threshold;
    if (shown && pair.same) found += 1;
    if (shown && !pair.same) wrong += 1;
    if (!shown && pair.same) missed += 1;
  }
  return { precision: found / (found + wrong), recall: found / (found + missed) };
}

describe('look-alikes on Chinese text', () => {
  it('cuts Chinese into 2-character pieces and other text into words', () => {
    expect([...piecesOf('幸福路路灯不亮')]).toEqual(['幸福', '福路', '路路', '路灯', '灯不', '不亮']);
    expect([...piecesOf('Street lights out on Harbour-Road, 3号楼')]).toEqual(['street', 'lights', 'out', 'harbour', 'road', '号楼']);
    expect([...piecesOf('灯')]).toEqual(['灯']);
  });

  it('finds a short draft inside a longer restatement of the same problem at the same place', () => {
    const result = lookAlikeScore(
      { title: '幸福路路灯不亮', location: '幸福路' },
      { title: '幸福路老旧小区路灯长期不亮', location: '幸福路12号院' },
    );
    expect(result.score).toBeGreaterThanOrEqual(LOOK_ALIKE_THRESHOLD);
    expect(result.reasons.map((r) => ({ part: r.part, shared: phrasesOf(r.shared) }))).toEqual([
      { part: 'place', shared: ['幸福路'] },
      { part: 'problem', shared: ['路灯', '不亮'] },
    ]);
  });

  it('does not take the same street, or the same problem in another street, for the same case', () => {
    expect(
      lookAlikeScore({ title: '幸福路路灯不亮', location: '幸福路' }, { title: '幸福路井盖缺失', location: '幸福路' }).score,
    ).toBeLessThan(LOOK_ALIKE_THRESHOLD);
    expect(lookAlikeScore({ title: '幸福路路灯不亮', location: '幸福路' }, { title: '和平路路灯不亮', location: '和平路' }).score).toBe(0);
    // Sharing only "小区" and "号楼" is sharing no place.
    expect(lookAlikeScore({ title: '电梯停运', location: '和平小区3号楼' }, { title: '电梯停运', location: '新华小区3号楼' }).place).toBe(
      0,
    );
  });

  it('adds a little for the same category, and says so', () => {
    const a = { title: '新华小区二次供水水压不足', location: '新华小区', category: '供水' };
    const b = { title: '新华小区高层住户水压低用水困难', location: '新华小区', category: '供水' };
    const without = lookAlikeScore({ ...a, category: undefined }, b);
    const withCategory = lookAlikeScore(a, b);
    expect(withCategory.score).toBeGreaterThan(without.score);
    expect(withCategory.reasons.at(-1)).toEqual({ part: 'category', shared: ['供水'] });
  });

  it('holds its tuned precision and recall on the pairs', () => {
    const { precision, recall } = precisionRecall(LOOK_ALIKE_THRESHOLD);
    expect(precision).toBeGreaterThanOrEqual(0.9);
    expect(recall).toBeGreaterThanOrEqual(0.9);
    // The set has every kind of pair the threshold must tell apart.
    expect(LOOK_ALIKE_PAIRS.filter((p) => p.same).length).toBeGreaterThanOrEqual(20);
    expect(new Set(LOOK_ALIKE_PAIRS.filter((p) => !p.same).map((p) => p.why.split(',')[0])).size).toBeGreaterThanOrEqual(3);
  });
});
