import { describe, expect, it } from 'vitest';
import { newPassword, passwordWeakness } from '../../../model/auth/password-rule.ts';

describe('the password rule', () => {
  it('wants at least ten characters', () => {
    expect(passwordWeakness('abc123')?.en).toMatch(/at least 10 characters/);
    expect(passwordWeakness('密码abc12345')).toBeUndefined();
  });

  it('wants two kinds of letters, digits and other signs', () => {
    for (const weak of ['abcdefghijkl', '1234567890123', '!@#$%^&*()_+', '密码密码密码密码密码密码'])
      expect({ weak, problem: passwordWeakness(weak)?.zh }).toEqual({ weak, problem: expect.stringContaining('两类') });
    for (const strong of ['abcdefghij1', 'correct horse battery', '2026-12-07!!', '我的密码是长城2026'])
      expect({ strong, problem: passwordWeakness(strong) }).toEqual({ strong, problem: undefined });
  });

  it('is the schema the API parses a new password with', () => {
    expect(newPassword.safeParse('short1').success).toBe(false);
    expect(newPassword.safeParse('abcdefghij1').success).toBe(true);
    expect(newPassword.safeParse('a1'.repeat(101)).success).toBe(false);
  });
});
