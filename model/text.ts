import { z } from 'zod';
import { bilingual } from '../lib/errors.ts';

/**
 * What text a person may type, as one regular expression per kind of field, so the rule is the
 * same in the validator and in the OpenAPI `pattern` a fuzzer or client reads. Written with
 * `\uXXXX` escapes and no flags, so ECMA-262 (JavaScript) and Python's `re` both read it.
 *
 * Refused everywhere:
 * - control characters (C0, DEL, C1), except tab, line feed and carriage return in multi-line text
 *   (PostgreSQL refuses NUL outright; the rest corrupt CSV, mail headers and terminals);
 * - invisible format characters (general category Cf): bidi embeddings, overrides and isolates
 *   (U+202A-U+202E, U+2066-U+2069, U+200E, U+200F, U+061C), which can make a title read backwards;
 *   zero-width space and non-joiner (U+200B, U+200C), word joiner and invisible operators
 *   (U+2060-U+2064), U+FEFF, the soft hyphen and the other Cf characters of the Basic Multilingual
 *   Plane; and the tag characters (U+E0000-U+E007F), which can hide a whole sentence in a string
 *   (the few Cf marks of historic scripts beyond the BMP, such as Egyptian hieroglyph controls,
 *   stay with those scripts);
 * - unpaired UTF-16 surrogates (JSON can carry them; they are not characters).
 *
 * Kept: the zero-width joiner U+200D right after an emoji (a low surrogate or U+FE0F), where it
 * builds one emoji out of several (a family, a rainbow flag), and the variation selectors.
 * A single-line field (a title, a name, a place) refuses line feed, carriage return, tab and the
 * line and paragraph separators U+2028 and U+2029 too.
 */
const CONTROLS = '\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\u007F-\\u009F';
const LINE_BREAKS = '\\u0009\\u000A\\u000D\\u2028\\u2029';
const FORMAT_CHARACTERS =
  '\\u00AD\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u180E\\u200B\\u200C\\u200E\\u200F' +
  '\\u202A-\\u202E\\u2060-\\u2064\\u2066-\\u206F\\uFEFF\\uFFF9-\\uFFFB';
const SURROGATES = '\\uD800-\\uDFFF';
/** A character outside the Basic Multilingual Plane, tag characters (U+E0000-U+E007F) excluded. */
const ASTRAL = '(?:[\\uD800-\\uDB3F\\uDB41-\\uDBFF][\\uDC00-\\uDFFF]|\\uDB40[\\uDC80-\\uDFFF])';

const textPattern = (refused: string) =>
  new RegExp(`^(?:\\uFE0F\\u200D|[^${refused}${FORMAT_CHARACTERS}${SURROGATES}\\u200D]|${ASTRAL}\\u200D?)*$`);

export const MULTI_LINE_TEXT = textPattern(CONTROLS);
export const SINGLE_LINE_TEXT = textPattern(CONTROLS + LINE_BREAKS);

const MULTI_LINE_RULE = bilingual({
  zh: '不能含控制字符或不可见的格式字符',
  en: 'no control or invisible formatting characters (bidi controls, zero-width characters)',
});
const SINGLE_LINE_RULE = bilingual({
  zh: '只能填一行，不能含控制字符或不可见的格式字符',
  en: 'one line, without control or invisible formatting characters (bidi controls, zero-width characters)',
});

// The length check aborts first, so an oversized string is never run through the pattern.
const text = (max: number, min: number, pattern: RegExp, rule: string) =>
  z.string().trim().min(min).max(max, { abort: true }).regex(pattern, rule);

/** Free text a person typed (descriptions, comments), trimmed; line breaks and tabs allowed. */
export const plainText = (max: number, min = 1) => text(max, min, MULTI_LINE_TEXT, MULTI_LINE_RULE);

/** One line a person typed (a title, a name, a place, a search), trimmed. */
export const lineText = (max: number, min = 1) => text(max, min, SINGLE_LINE_TEXT, SINGLE_LINE_RULE);

/**
 * A phone number as people write it: digits, with spaces, hyphens and parentheses between them and a
 * leading + (13912345678, 010-6512 3456, (010) 65123456, +86 139 1234 5678); 5 to 30 characters.
 * One pattern, so the OpenAPI `pattern` and the validator agree; "abc" is refused with the field named.
 */
export const PHONE_NUMBER = /^\+?[0-9(][0-9 ()-]{3,27}[0-9]$/;
/** What the rule asks for, in words: the API's field message, and the web form's before it sends. */
export const PHONE_NUMBER_WORDS = {
  zh: '请填写电话号码，如 13912345678 或 010-65123456',
  en: 'a phone number, such as 13912345678 or 010-65123456',
} as const;
const PHONE_RULE = bilingual(PHONE_NUMBER_WORDS);
export const phoneNumber = () => z.string().trim().max(30, { abort: true }).regex(PHONE_NUMBER, PHONE_RULE);
