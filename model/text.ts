import { z } from 'zod';

/** Tab, line feed and carriage return are text; other control characters (NUL above all) are not. */
const hasControlCharacters = (value: string) =>
  [...value].some((ch) => {
    const code = ch.charCodeAt(0);
    return (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) || code === 0x7f;
  });

/** Free text a person typed, trimmed, without control characters (PostgreSQL refuses NUL outright). */
export const plainText = (max: number, min = 1) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((v) => !hasControlCharacters(v), 'control characters are not allowed');
