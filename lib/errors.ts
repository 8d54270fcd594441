/** The languages the API answers in: Chinese first (the default), English on request. */
export const LANGUAGES = ['zh', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
/** A message people read, in each language. */
export type Localized = Record<Language, string>;

/**
 * Every error the API answers with: its HTTP status, its message in each language when nothing more
 * specific is said, and when it happens. The one source for the
 * error handler, the OpenAPI document and the error table of docs/api.md (generated, and checked by a test).
 */
export const ERRORS = {
  validation_failed: {
    message: { zh: '输入有误，请按各项的提示修改', en: 'the input is not valid; see each field' },
    status: 400,
    when: 'bad input; `fields[].path` names each offending field (`body.title`, `headers.idempotency-key`)',
  },
  invalid_json: {
    message: { zh: '请求内容不是有效的 JSON', en: 'the request body is not valid JSON' },
    status: 400,
    when: 'the body is not valid JSON',
  },
  unauthenticated: {
    message: { zh: '请先登录（登录已过期或无效）', en: 'sign in first (missing, expired or revoked token)' },
    status: 401,
    when: 'no, expired or revoked token, or a scheme other than `Bearer`; wrong login. Carries `WWW-Authenticate: Bearer`',
  },
  forbidden: {
    message: { zh: '您没有进行此操作的权限', en: 'you may not do this' },
    status: 403,
    when: 'the role may not take this action',
  },
  password_change_required: {
    message: { zh: '请先修改密码（首次登录或密码被重置后）', en: 'change your password first (first sign-in, or after a reset)' },
    status: 403,
    when: 'an account created or reset by an admin calls anything but `POST /auth/password` (and sign-out) before choosing its own password',
  },
  not_found: {
    message: { zh: '未找到，或您无权查看', en: 'not found, or not visible to you' },
    status: 404,
    when: 'unknown route or record, or another unit’s',
  },
  conflict: {
    message: { zh: '当前无法进行此操作', en: 'not possible now' },
    status: 409,
    when: 'not possible now: a case already holding the most attachments, a ledger already submitted',
  },
  idempotency_key_reused: {
    message: {
      zh: '此请求标识（Idempotency-Key）已用于另一内容的请求',
      en: 'this Idempotency-Key was already used for a different request',
    },
    status: 409,
    when: 'the `Idempotency-Key` was used for a different request (body or path)',
  },
  idempotency_request_in_progress: {
    message: {
      zh: '使用此请求标识（Idempotency-Key）的请求仍在处理中，请稍后再试',
      en: 'the first request with this Idempotency-Key is still running; ask again shortly',
    },
    status: 409,
    when: 'the first request with this `Idempotency-Key` is still running; `Retry-After` says when to ask again for its answer',
  },
  invalid_transition: {
    message: { zh: '当前状态下不能进行此操作', en: 'the action is not possible in the current state' },
    status: 409,
    when: 'the action is not possible in the case’s state',
  },
  quota_exceeded: {
    message: { zh: '超过了名额', en: 'over the quota' },
    status: 409,
    when: 'a recommendation list over its street/park’s quota of outstanding party members',
  },
  payload_too_large: {
    message: { zh: '提交的内容过大', en: 'the request body is too large' },
    status: 413,
    when: 'a JSON body over 256 kB, an attachment over `ATTACHMENT_MAX_BYTES`',
  },
  unsupported_media_type: {
    message: { zh: '不支持此文件或内容类型', en: 'this file or content type is not accepted' },
    status: 415,
    when: 'a `Content-Encoding` other than identity (compressed bodies are refused), an unknown charset, an attachment type not kept',
  },
  too_many_requests: {
    message: { zh: '尝试次数过多，请稍后再试', en: 'too many attempts; try again later' },
    status: 429,
    when: 'too many login attempts for the account or from the address; `Retry-After` says in how many seconds to try again',
  },
  internal: {
    message: { zh: '系统内部错误；反馈问题时请提供请求编号', en: 'internal error; quote the request id when reporting it' },
    status: 500,
    when: 'a fault of the server; the log has the details under the `requestId`',
  },
  service_unavailable: {
    message: { zh: '服务暂时不可用，请稍后重试', en: 'the service is not available right now; try again shortly' },
    status: 503,
    when: 'the database or Temporal is not reachable, or the case is busy; safe to retry (with the same `Idempotency-Key`)',
  },
} as const satisfies Record<string, { status: number; message: Localized; when: string }>;

export type ErrorCode = keyof typeof ERRORS;
/** What a client may use beside the message: the values the message names, as codes and numbers. */
export type ErrorParams = Record<string, string | number | boolean | readonly (string | number)[]>;
/** An offending field: its path as the API names it, what to do about it, and the values that says. */
export type FieldIssue = { path: string; message: string | Localized; params?: ErrorParams };
/** A field issue as the response carries it, in the reader's language. */
export type FieldIssueText = { path: string; message: string; params?: ErrorParams };

export const ERROR_STATUS = Object.fromEntries(Object.entries(ERRORS).map(([code, { status }]) => [code, status])) as {
  [C in ErrorCode]: (typeof ERRORS)[C]['status'];
};

/**
 * Messages given where no language is known yet (a Zod schema's own message, set when the schema is
 * built): `bilingual` keeps both and returns the English text, which the schema reports; the API
 * answers with the reader's. Keyed by that English text, so the same sentence may be declared twice.
 */
const BILINGUAL = new Map<string, Localized>();
export function bilingual(message: Localized): string {
  BILINGUAL.set(message.en, message);
  return message.en;
}

/**
 * A message in the reader's language. A plain string is English as written (or a `bilingual` one);
 * where no Chinese is known the reader of Chinese gets `fallback`, never English.
 */
export function inLanguage(message: string | Localized, language: Language, fallback: Localized): string {
  const known = typeof message === 'string' ? BILINGUAL.get(message) : message;
  if (known) return known[language];
  return language === 'en' ? (message as string) : fallback.zh;
}

/**
 * What an error tells its reader: a sentence in each language, or — where the code's own message is
 * all a reader needs (a fault of the server, a record not found) — only a detail for the log. A plain
 * English string is not accepted: whoever reads Chinese would get English or a generic sentence.
 */
export type ErrorMessage = Localized | { readonly log: string };

export class DomainError extends Error {
  override name = 'DomainError';
  constructor(
    readonly code: ErrorCode,
    readonly said: ErrorMessage,
    readonly fields?: FieldIssue[],
    /** For 429 and 503: when the caller may try again. */
    readonly retryAfterSeconds?: number,
    readonly params?: ErrorParams,
  ) {
    // The English sentence (or the log's detail) is the message the log records.
    super('log' in said ? said.log : said.en);
  }

  /** The message and field messages in the reader's language. */
  textIn(language: Language): { message: string; fields?: FieldIssueText[] } {
    return {
      message: 'log' in this.said ? ERRORS[this.code].message[language] : this.said[language],
      fields: this.fields?.map(({ path, message, params }) => ({
        path,
        message: inLanguage(message, language, FIELD_FALLBACK),
        ...(params ? { params } : {}),
      })),
    };
  }
}

const FIELD_FALLBACK: Localized = { zh: '此项填写有误', en: 'not valid' };

/** A record that is not there, or not the reader's to see (the same answer, so nothing leaks). */
export const notFound = (what: string) => new DomainError('not_found', { log: `${what} not found` });

/**
 * Not found, naming the identifier the client sent (an Open311 client shows the description it gets):
 * the same answer whether the record is missing or another unit's.
 */
export const notFoundNamed = (identifier: string) =>
  new DomainError('not_found', { zh: `未找到 ${identifier}`, en: `${identifier} not found` });

/** A fault of the server: the reader gets the code's message and the request id, the log the detail. */
export const internalFault = (detail: string) => new DomainError('internal', { log: detail });

/** A field naming something that is not there ("没有这个社区", "no such community"). */
export const noSuch = (what: Localized): Localized => ({ zh: `没有这个${what.zh}`, en: `no such ${what.en}` });

/** A date of something that already happened, given after the district's today (`YYYY-MM-DD`). */
export const notAfterToday = (today: string): Localized => ({
  zh: `不能晚于今天（${today}）`,
  en: `cannot be in the future (today in the district is ${today})`,
});

/** Bad input in one field, named as the API names it (`body.occurredOn`), said in both languages. */
export const invalidField = (path: string, message: Localized, params?: ErrorParams) =>
  new DomainError('validation_failed', message, [{ path, message, ...(params ? { params } : {}) }], undefined, params);
