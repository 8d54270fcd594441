import { z } from 'zod';
import { bilingual, type Localized } from '../../lib/errors.ts';

/** The one password rule: at least 10 characters, of at least two kinds (letters, digits, other signs). */
export const PASSWORD_MIN_LENGTH = 10;
const PASSWORD_MAX_LENGTH = 200;

const KINDS = [/\p{L}/u, /\p{N}/u, /[^\p{L}\p{N}]/u];

/** What is wrong with a new password, in both languages; undefined when it is strong enough. */
export function passwordWeakness(password: string): Localized | undefined {
  if (Array.from(password).length < PASSWORD_MIN_LENGTH)
    return { zh: `密码至少需要 ${PASSWORD_MIN_LENGTH} 个字符`, en: `use at least ${PASSWORD_MIN_LENGTH} characters` };
  if (KINDS.filter((kind) => kind.test(password)).length < 2)
    return { zh: '密码需包含字母、数字、符号中的至少两类', en: 'mix at least two of letters, digits and other signs' };
  return undefined;
}

/** A new password as the API reads it: the rule above, its message in the reader's language. */
export const newPassword = z
  .string()
  .max(PASSWORD_MAX_LENGTH)
  .superRefine((password, ctx) => {
    const weakness = passwordWeakness(password);
    if (weakness) ctx.addIssue({ code: 'custom', message: bilingual(weakness), params: { minLength: PASSWORD_MIN_LENGTH } });
  });
