import { describe, expect, it } from 'vitest';
import { similarity, tokens } from '../../../domain/cases/duplicates.ts';

describe('duplicate similarity', () => {
  it('tokenises words of any script and ignores case and punctuation', () => {
    expect([...tokens('Potholes on Harbour-Road, again!')]).toEqual(['potholes', 'on', 'harbour', 'road', 'again']);
    expect(tokens('路灯 不亮 路灯').size).toBe(2);
  });

  it('scores shared words (Jaccard)', () => {
    expect(similarity(tokens('potholes harbour road'), tokens('harbour road potholes'))).toBe(1);
    expect(similarity(tokens('potholes harbour road'), tokens('potholes along harbour road'))).toBe(0.75);
    expect(similarity(tokens('street lights'), tokens('noise at night'))).toBe(0);
    expect(similarity(tokens(''), tokens('anything'))).toBe(0);
  });
});
