import { describe, expect, it } from 'vitest';
import { deriveCaseId } from '../../../domain/cases/case-identity.ts';
import { canonicalJson, hashRequest } from '../../../lib/request-hash.ts';

describe('deriveCaseId', () => {
  it('is a valid UUIDv8, stable for one unit and key, different across units and keys', () => {
    const id = deriveCaseId('unit-a', 'key-1');
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(deriveCaseId('unit-a', 'key-1')).toBe(id);
    expect(deriveCaseId('unit-b', 'key-1')).not.toBe(id);
    expect(deriveCaseId('unit-a', 'key-2')).not.toBe(id);
  });

  it('cannot be confused by moving characters between unit and key', () => {
    expect(deriveCaseId('ab', 'c')).not.toBe(deriveCaseId('a', 'bc'));
  });
});

describe('hashRequest', () => {
  it('ignores key order and undefined fields but not values', () => {
    expect(hashRequest({ a: 1, b: { c: 2, d: [1, 2] } })).toBe(hashRequest({ b: { d: [1, 2], c: 2 }, a: 1, e: undefined }));
    expect(hashRequest({ a: 1 })).not.toBe(hashRequest({ a: 2 }));
    expect(hashRequest({ list: [1, 2] })).not.toBe(hashRequest({ list: [2, 1] }));
  });

  it('serialises canonically', () => {
    expect(canonicalJson({ z: 'x', a: [true, null, { y: 1, b: 2 }] })).toBe('{"a":[true,null,{"b":2,"y":1}],"z":"x"}');
  });
});
