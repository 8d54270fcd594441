import { describe, expect, it } from 'vitest';
import { maskContact, shownContact } from '../../../lib/contact-mask.ts';

describe('maskContact', () => {
  it('keeps the first three and last four digits of a mobile number', () => {
    expect(maskContact('13912345678')).toBe('139****5678');
    expect(maskContact('+86 139-1234-5678')).toBe('861****5678');
  });

  it('keeps only two digits at each end of a short number, with the same four stars', () => {
    expect(maskContact('010-8765432')).toBe('01****32');
    expect(maskContact('8765432')).toBe('87****32');
  });

  it('masks the number inside words and leaves the words', () => {
    expect(maskContact('张先生女儿 13912345678')).toBe('张先生女儿 139****5678');
  });

  it('keeps the first letter and the domain of an e-mail address', () => {
    expect(maskContact('zhang.wei@example.cn')).toBe('z****@example.cn');
    expect(maskContact('a@b.cn')).toBe('a****@b.cn');
  });

  it('keeps only the first character of anything else, short numbers included', () => {
    expect(maskContact('微信 zhangwei')).toBe('微****');
    expect(maskContact('12345')).toBe('1****');
    expect(maskContact('')).toBe('');
  });
});

describe('shownContact', () => {
  it('shows the holder the value, everyone else the mask, and nothing stays nothing', () => {
    expect(shownContact('13912345678', true)).toBe('13912345678');
    expect(shownContact('13912345678', false)).toBe('139****5678');
    expect(shownContact(null, false)).toBeNull();
  });
});
