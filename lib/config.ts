import path from 'node:path';
import { z } from 'zod';

/**
 * The one place that reads the process environment. Everything else receives a parsed `Config`.
 */
const optionalUrl = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === '' ? undefined : value))
  .pipe(z.url().optional());

const port = z.coerce.number().int().min(0).max(65535);

/** A calendar day of the year, `MM-DD` (February 29 excepted: it is not there every year). */
const monthDayOnly = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a month and day such as 06-26')
  .refine(
    (v) => !Number.isNaN(Date.parse(`2027-${v}T00:00:00Z`)) && new Date(`2027-${v}T00:00:00Z`).toISOString().slice(5, 10) === v,
    'no such day',
  );
const monthDay = (fallback: string) => monthDayOnly.default(fallback);

/** A comma-separated list of `MM-DD` days, sorted, each once. */
const monthDays = (fallback: string) =>
  z
    .string()
    .default(fallback)
    .transform((v) => [...new Set(v.split(',').map((d) => d.trim()))].sort())
    .pipe(z.array(monthDayOnly).min(1));

/** How a recommendation quota's fraction of a member is rounded (model/party/rules.ts `recommendationQuota`). */
export const QUOTA_ROUNDINGS = ['round', 'floor', 'ceil'] as const;
export type QuotaRounding = (typeof QUOTA_ROUNDINGS)[number];

/** A yearly minimum of the "four leads". */
const yearlyMinimum = (fallback: number) => z.coerce.number().int().min(0).max(100).default(fallback);

const envSchema = z
  .object({
    HOST: z.string().default('127.0.0.1'),
    PORT: port.default(3000),
    DATA_DIR: z.string().default('.data'),
    CACHE_DIR: z.string().default('.cache'),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),

    DATABASE_URL: optionalUrl,
    EMBEDDED_DB_PORT: port.default(5433),
    /** How long a request waits for a PostgreSQL connection before it answers 503. */
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),

    TEMPORAL_ADDRESS: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v === '' ? undefined : v)),
    TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
    TEMPORAL_DEV_PORT: port.default(7233),
    TEMPORAL_UI_PORT: port.default(8233),
    TEMPORAL_CLI_PATH: z.string().optional(),
    TEMPORAL_CLI_VERSION: z.string().default('v1.5.1'),
    /** The real server (`go.temporal.io/server`) of the production-topology tests; the CLI above embeds the same. */
    TEMPORAL_SERVER_VERSION: z.string().default('v1.29.1'),
    TEMPORAL_TEST_SERVER_VERSION: z.string().default('1.38.0'),
    SCHEMATHESIS_VERSION: z.string().default('4.32.5'),
    /** The budget of a request's Temporal calls: past it (server down or unreachable) the request answers 503. */
    TEMPORAL_CALL_DEADLINE_MS: z.coerce.number().int().min(100).max(60_000).default(5_000),

    SMTP_URL: optionalUrl,
    EMBEDDED_SMTP_PORT: port.default(2525),
    MAIL_FROM: z.string().default('Linkage Ledger <ledger@localhost>'),

    DEADLINE_DISTRICT_DAYS: z.coerce.number().int().min(1).max(365).default(10),
    DEADLINE_MUNICIPAL_DAYS: z.coerce.number().int().min(1).max(365).default(20),
    DEADLINE_URGENT_DISTRICT_DAYS: z.coerce.number().int().min(1).max(365).default(1),
    DEADLINE_URGENT_MUNICIPAL_DAYS: z.coerce.number().int().min(1).max(365).default(3),
    FEEDBACK_DAYS: z.coerce.number().int().min(1).max(365).default(10),
    DISTRICT_TIME_ZONE: z
      .string()
      .default('Asia/Shanghai')
      .refine((zone) => {
        try {
          new Intl.DateTimeFormat('en', { timeZone: zone });
          return true;
        } catch {
          return false;
        }
      }, 'an IANA time zone such as Asia/Shanghai'),
    DISTRICT_UTC_OFFSET_MINUTES: z.coerce.number().int().min(-720).max(840).default(480),
    CYCLE_DEADLINE_H1: monthDay('06-26'),
    CYCLE_DEADLINE_H2: monthDay('12-26'),
    CYCLE_OPENS_H1: monthDay('06-01'),
    CYCLE_OPENS_H2: monthDay('12-01'),
    CYCLE_REVIEW_FIRST: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true'),
    CYCLE_CHASE_DAYS: z.coerce.number().int().min(0).max(366).default(183),
    MEMBER_FEEDBACK_OPENS: monthDay('12-01'),
    MEMBER_FEEDBACK_DELIVER: monthDay('12-24'),
    MEMBER_FEEDBACK_DEADLINE: monthDay('12-31'),
    MEMBER_FEEDBACK_CHASE_DAYS: z.coerce.number().int().min(1).max(31).default(7),
    RECOMMENDATION_SUBMIT_BY: monthDay('06-20').refine((v) => v < '07-01', 'before July 1, when commendations come'),
    RECOMMENDATION_QUOTA_PERCENT: z.coerce.number().int().min(1).max(100).default(15),
    RECOMMENDATION_QUOTA_ROUNDING: z.enum(QUOTA_ROUNDINGS).default('round'),
    LEADER_QUOTA_PLANNING_MEETINGS: yearlyMinimum(1),
    LEADER_QUOTA_RESEARCH_VISITS: yearlyMinimum(2),
    LEADER_QUOTA_OPINION_COLLECTIONS: yearlyMinimum(1),
    LEADER_QUOTA_PARTY_LECTURES: yearlyMinimum(1),
    LEADER_QUOTA_PUBLIC_SERVICE_PROJECTS: yearlyMinimum(1),
    LEADER_QUOTA_SCHEDULING: yearlyMinimum(1),
    LEADER_REMINDER_DATES: monthDays('09-01,11-01'),
    FILES_DIR: z.string().optional(),
    /** How often queued export jobs whose workflow could not be started are started again. */
    EXPORT_START_RETRY_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
    /** A queued export that still cannot be started after this long is marked failed. */
    EXPORT_START_GIVE_UP_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .default(60),
    ATTACHMENT_MAX_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(10 * 1024 * 1024),

    TOKEN_TTL_MINUTES: z.coerce
      .number()
      .int()
      .positive()
      .default(8 * 60),
    LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(5),
    LOGIN_MAX_ATTEMPTS_PER_ADDRESS: z.coerce.number().int().min(1).max(100000).default(30),
    LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),

    TEST_DATABASE_URL: optionalUrl,
  })
  .refine((env) => env.MEMBER_FEEDBACK_OPENS < env.MEMBER_FEEDBACK_DELIVER && env.MEMBER_FEEDBACK_DELIVER <= env.MEMBER_FEEDBACK_DEADLINE, {
    message: 'the member feedback opens, is delivered and is due in this order, within one year',
    path: ['MEMBER_FEEDBACK_DELIVER'],
  });

export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n');
    throw new Error(`Invalid configuration:\n${problems}`);
  }
  const raw = parsed.data;
  const projectRoot = path.resolve(import.meta.dirname, '..');
  const resolveDir = (dir: string) => (path.isAbsolute(dir) ? dir : path.join(projectRoot, dir));
  return {
    projectRoot,
    dataDir: resolveDir(raw.DATA_DIR),
    cacheDir: resolveDir(raw.CACHE_DIR),
    logLevel: raw.LOG_LEVEL,
    timeZone: raw.DISTRICT_TIME_ZONE,
    http: { host: raw.HOST, port: raw.PORT },
    database: {
      url: raw.DATABASE_URL,
      embeddedPort: raw.EMBEDDED_DB_PORT,
      testUrl: raw.TEST_DATABASE_URL,
      connectTimeoutMs: raw.DATABASE_CONNECT_TIMEOUT_MS,
    },
    temporal: {
      address: raw.TEMPORAL_ADDRESS,
      namespace: raw.TEMPORAL_NAMESPACE,
      devPort: raw.TEMPORAL_DEV_PORT,
      uiPort: raw.TEMPORAL_UI_PORT,
      cliPath: raw.TEMPORAL_CLI_PATH,
      cliVersion: raw.TEMPORAL_CLI_VERSION,
      serverVersion: raw.TEMPORAL_SERVER_VERSION,
      testServerVersion: raw.TEMPORAL_TEST_SERVER_VERSION,
      callDeadlineMs: raw.TEMPORAL_CALL_DEADLINE_MS,
    },
    testing: { schemathesisVersion: raw.SCHEMATHESIS_VERSION },
    mail: { smtpUrl: raw.SMTP_URL, embeddedPort: raw.EMBEDDED_SMTP_PORT, from: raw.MAIL_FROM },
    auth: {
      tokenTtlMinutes: raw.TOKEN_TTL_MINUTES,
      throttle: {
        maxPerAccount: raw.LOGIN_MAX_ATTEMPTS_PER_ACCOUNT,
        maxPerAddress: raw.LOGIN_MAX_ATTEMPTS_PER_ADDRESS,
        windowMinutes: raw.LOGIN_WINDOW_MINUTES,
      },
    },
    deadlines: {
      districtDays: raw.DEADLINE_DISTRICT_DAYS,
      municipalDays: raw.DEADLINE_MUNICIPAL_DAYS,
      urgentDistrictDays: raw.DEADLINE_URGENT_DISTRICT_DAYS,
      urgentMunicipalDays: raw.DEADLINE_URGENT_MUNICIPAL_DAYS,
      feedbackDays: raw.FEEDBACK_DAYS,
      utcOffsetMinutes: raw.DISTRICT_UTC_OFFSET_MINUTES,
    },
    cycles: {
      opensH1: raw.CYCLE_OPENS_H1,
      opensH2: raw.CYCLE_OPENS_H2,
      deadlines: { h1: raw.CYCLE_DEADLINE_H1, h2: raw.CYCLE_DEADLINE_H2 },
      settings: {
        reminderWorkingDays: [7, 3, 1],
        reviewFirst: raw.CYCLE_REVIEW_FIRST,
        chaseDays: raw.CYCLE_CHASE_DAYS,
        utcOffsetMinutes: raw.DISTRICT_UTC_OFFSET_MINUTES,
        deadlines: { h1: raw.CYCLE_DEADLINE_H1, h2: raw.CYCLE_DEADLINE_H2 },
      },
    },
    party: {
      feedback: {
        dates: { opens: raw.MEMBER_FEEDBACK_OPENS, deliver: raw.MEMBER_FEEDBACK_DELIVER, deadline: raw.MEMBER_FEEDBACK_DEADLINE },
        chaseDays: raw.MEMBER_FEEDBACK_CHASE_DAYS,
        utcOffsetMinutes: raw.DISTRICT_UTC_OFFSET_MINUTES,
      },
      recommendation: {
        submitBy: raw.RECOMMENDATION_SUBMIT_BY,
        quotaPercent: raw.RECOMMENDATION_QUOTA_PERCENT,
        quotaRounding: raw.RECOMMENDATION_QUOTA_ROUNDING,
        utcOffsetMinutes: raw.DISTRICT_UTC_OFFSET_MINUTES,
      },
    },
    leaders: {
      /** Each principal leader's yearly minimums (calendar year, district time). */
      quotas: {
        planning_meeting: raw.LEADER_QUOTA_PLANNING_MEETINGS,
        research_visit: raw.LEADER_QUOTA_RESEARCH_VISITS,
        opinion_collection: raw.LEADER_QUOTA_OPINION_COLLECTIONS,
        party_lecture: raw.LEADER_QUOTA_PARTY_LECTURES,
        public_service_project: raw.LEADER_QUOTA_PUBLIC_SERVICE_PROJECTS,
        scheduling: raw.LEADER_QUOTA_SCHEDULING,
      },
      /** Days (09:00 district time) the quota trackers remind units of leaders who are behind. */
      reminderDates: raw.LEADER_REMINDER_DATES,
      utcOffsetMinutes: raw.DISTRICT_UTC_OFFSET_MINUTES,
    },
    attachments: { maxBytes: raw.ATTACHMENT_MAX_BYTES },
    exports: { startRetrySeconds: raw.EXPORT_START_RETRY_SECONDS, startGiveUpMinutes: raw.EXPORT_START_GIVE_UP_MINUTES },
    /** Attachments and finished exports; shared by the API and the workers in production. */
    filesDir: raw.FILES_DIR ? resolveDir(raw.FILES_DIR) : path.join(resolveDir(raw.DATA_DIR), 'files'),
  };
}

/** Environment for child processes: the parent's plus overrides. */
export function childProcessEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
