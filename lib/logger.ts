import { pino, stdSerializers, stdTimeFunctions, type DestinationStream, type Logger as Pino } from 'pino';

type Level = 'debug' | 'info' | 'warn' | 'error';

export type Logger = {
  debug(msg: string, fields?: Record<string, unknown>): void;
  info(msg: string, fields?: Record<string, unknown>): void;
  warn(msg: string, fields?: Record<string, unknown>): void;
  error(msg: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
  /** The pino logger underneath, for pino-http and the Temporal SDK's log forwarding. */
  readonly pino: Pino;
};

/**
 * Fields that hold a reporter's or member's contact details, a password or a token, wherever they
 * appear in a log line (at the top or up to two levels down). The reporter is left out whole: a
 * name is personal too. Paths cannot reach free text: error messages are scrubbed below.
 */
const SECRET_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'authorization',
  'cookie',
  'reporter',
  'reporterName',
  'reporterContact',
  'reporterEmail',
  'contact',
  'phone',
  'email',
];
export const REDACTED_PATHS = SECRET_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]);

const EMAIL = /[^\s@<>"'(),;:]+@[^\s@<>"'(),;:]+\.[A-Za-z]{2,}/g;
/** Seven digits or more, maybe with +, spaces, dashes or brackets between: a phone number, never a uuid's part or a line:column. */
const PHONE = /(?<![\w-])\+?\d[\d ()-]{5,}\d(?![\w-])/g;

/** Free text (error messages, stacks) with e-mail addresses and phone numbers taken out. */
export const scrubContacts = (text: string) => text.replace(EMAIL, '[email]').replace(PHONE, '[phone]');

/** Every string of a serialized error (message, stack, causes, a driver's details) scrubbed: any of them may quote a value. */
function scrubbed(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return scrubContacts(value);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubbed(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubbed(v, depth + 1)]));
}

const serializeError = (value: unknown) => (value instanceof Error ? scrubbed(stdSerializers.err(value)) : value);

/**
 * One JSON object per line on stdout, so log shippers need no parsing rules: `time` (ISO), `level`
 * (a word), `msg`, the process's `pid` and `service`, then the fields. Written synchronously, so a
 * crash loses no line. `write` replaces stdout (tests capture lines with it).
 */
export function createLogger(
  minLevel: Level | 'silent' = 'info',
  base: Record<string, unknown> = {},
  write?: (line: string) => void,
): Logger {
  const destination: DestinationStream = write
    ? { write: (chunk: string) => write(chunk.endsWith('\n') ? chunk.slice(0, -1) : chunk) }
    : pino.destination({ dest: 1, sync: true });
  return wrap(
    pino(
      {
        level: minLevel,
        base: { pid: process.pid, ...base },
        messageKey: 'msg',
        timestamp: stdTimeFunctions.isoTime,
        formatters: { level: (label) => ({ level: label }) },
        serializers: { error: serializeError, err: serializeError },
        redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      },
      destination,
    ),
  );
}

function wrap(logger: Pino): Logger {
  return {
    debug: (msg, fields) => logger.debug(fields ?? {}, msg),
    info: (msg, fields) => logger.info(fields ?? {}, msg),
    warn: (msg, fields) => logger.warn(fields ?? {}, msg),
    error: (msg, fields) => logger.error(fields ?? {}, msg),
    child: (fields) => wrap(logger.child(fields)),
    pino: logger,
  };
}
