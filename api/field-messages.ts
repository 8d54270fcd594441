import { z } from 'zod';
import { inLanguage, type ErrorParams, type FieldIssue, type Language, type Localized } from '../lib/errors.ts';

/**
 * Field messages in the reader's language, set per request (a parse's own error map) rather than by
 * switching Zod's global locale. The issues people meet most (a missing field, a text too short or
 * too long, an option not on the list) say what to do in plain words and name no type or code; the
 * rest come from Zod's own locales. A schema's own message (`bilingual`) still wins.
 */
const ZOD_LOCALES: Record<Language, z.core.$ZodErrorMap> = {
  zh: z.locales.zhCN().localeError,
  en: z.locales.en().localeError,
};

type RawIssue = z.core.$ZodRawIssue;

const REQUIRED: Localized = { zh: '请填写此项', en: 'required' };

function plainWords(issue: RawIssue): Localized | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined || issue.input === null ? REQUIRED : undefined;
    case 'invalid_value':
      return issue.values.length === 1 ? undefined : { zh: '请从所列选项中选择', en: 'choose one of the listed options' };
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? REQUIRED : { zh: `至少 ${minimum} 个字`, en: `at least ${minimum} characters` };
      if (issue.origin === 'array' || issue.origin === 'set') return { zh: `至少 ${minimum} 项`, en: `at least ${minimum} items` };
      if (issue.origin === 'number' || issue.origin === 'int')
        return issue.inclusive
          ? { zh: `不能小于 ${minimum}`, en: `at least ${minimum}` }
          : { zh: `须大于 ${minimum}`, en: `more than ${minimum}` };
      return undefined;
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return { zh: `最多 ${maximum} 个字`, en: `at most ${maximum} characters` };
      if (issue.origin === 'array' || issue.origin === 'set') return { zh: `最多 ${maximum} 项`, en: `at most ${maximum} items` };
      if (issue.origin === 'number' || issue.origin === 'int')
        return issue.inclusive
          ? { zh: `不能大于 ${maximum}`, en: `at most ${maximum}` }
          : { zh: `须小于 ${maximum}`, en: `less than ${maximum}` };
      return undefined;
    }
    case 'invalid_format':
      if (issue.format === 'date') return { zh: '请填写有效日期（如 2026-12-26）', en: 'a date such as 2026-12-26' };
      if (issue.format === 'datetime')
        return { zh: '请填写有效时间（如 2026-12-26T09:00:00Z）', en: 'a time such as 2026-12-26T09:00:00Z' };
      if (issue.format === 'email') return { zh: '请填写有效的电子邮箱地址', en: 'an e-mail address' };
      if (issue.format === 'uuid') return { zh: '编号无效', en: 'not a valid id' };
      return undefined;
    case 'unrecognized_keys':
      return { zh: `不接受以下字段：${issue.keys.join('、')}`, en: `fields not accepted: ${issue.keys.join(', ')}` };
    default:
      return undefined;
  }
}

/** The error map of one parse, for the reader's language. */
export const fieldErrorMap =
  (language: Language): z.core.$ZodErrorMap =>
  (issue) =>
    plainWords(issue)?.[language] ?? ZOD_LOCALES[language](issue);

const PARAM_KEYS = ['minimum', 'maximum', 'values', 'format', 'keys'] as const;

/** The values an issue's message names, for clients that word their own (`{ minimum: 3 }`, `{ values: [...] }`). */
function paramsOf(issue: z.core.$ZodIssue): ErrorParams {
  const params: ErrorParams = { issue: issue.code };
  const raw = issue as unknown as Record<string, unknown>;
  for (const key of PARAM_KEYS) {
    const value = raw[key];
    if (typeof value === 'number' || typeof value === 'bigint') params[key] = Number(value);
    else if (typeof value === 'string') params[key] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'string' || typeof v === 'number')) params[key] = value;
  }
  return params;
}

/**
 * A failed parse's issues as field issues, paths prefixed with where the value came from (`body.title`).
 * The parse already spoke the reader's language (`fieldErrorMap`); a schema's own `bilingual` message is
 * put in it here.
 */
export const fieldIssuesOf = (error: z.ZodError, where: string, language: Language): FieldIssue[] =>
  error.issues.map((issue) => {
    const text = inLanguage(issue.message, language, { zh: issue.message, en: issue.message });
    return { path: [where, ...issue.path.map(String)].join('.'), message: { zh: text, en: text }, params: paramsOf(issue) };
  });
