import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import path from 'node:path';
import { z } from 'zod';
import { fixedUtcOffsetOf, type DistrictTime } from './district-time.ts';

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

/** An address, a subnet (`10.0.0.0/8`, `fd00::/8`) or one of Express's named ranges. */
const PROXY_RANGES = ['loopback', 'linklocal', 'uniquelocal'];
const isProxyAddress = (entry: string) => {
  if (PROXY_RANGES.includes(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
};

/** Whose `X-Forwarded-For` to believe: nobody (`false`), a hop count, or the named proxies. */
const trustProxy = z
  .string()
  .trim()
  .default('false')
  .transform((v, ctx): false | number | string[] => {
    if (v === 'false' || v === '') return false;
    if (/^\d+$/.test(v)) return Number(v);
    const entries = v.split(',').map((s) => s.trim());
    // Trusting every peer (`true`) would let any client name its own address in X-Forwarded-For.
    const wrong = entries.filter((entry) => !isProxyAddress(entry));
    if (wrong.length === 0) return entries;
    ctx.addIssue({
      code: 'custom',
      message: `name the proxies (addresses, subnets, loopback, linklocal, uniquelocal) or a hop count, not ${wrong.join(', ')}`,
    });
    return z.NEVER;
  });

/** A yes/no switch, written `true` or `false`. */
const flag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false'])
    .default(fallback)
    .transform((v) => v === 'true');

/** A comma-separated list of host names, each with an optional port (`files.example.org`, `127.0.0.1:8080`), lower case. */
const hostList = z
  .string()
  .default('')
  .transform((v) => [...new Set(v.split(',').map((h) => h.trim().toLowerCase()))].filter(Boolean))
  .pipe(z.array(z.string().regex(/^[a-z0-9.-]+(:\d{1,5})?$/, 'a host name with an optional port, such as files.example.org:8443')));

/** `south,west,north,east` in decimal degrees (WGS 84): the box the district's coordinates must fall in. */
const boundingBox = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v.split(',').map((n) => Number(n.trim())) : undefined))
  .pipe(
    z
      .tuple([z.number().min(-90).max(90), z.number().min(-180).max(180), z.number().min(-90).max(90), z.number().min(-180).max(180)])
      .refine(([south, west, north, east]) => south < north && west < east, 'south below north and west of east')
      .transform(([south, west, north, east]) => ({ south, west, north, east }))
      .optional(),
  );

/** The languages the district can write in to systems outside it (Open311 status notes, chat messages). */
export const DISTRICT_LANGUAGES = ['zh', 'en'] as const;
export type DistrictLanguage = (typeof DISTRICT_LANGUAGES)[number];

/** A yearly minimum of the "four leads". */
const yearlyMinimum = (fallback: number) => z.coerce.number().int().min(0).max(100).default(fallback);

/**
 * Every variable the project reads, with its default and, in `.describe()`, what it means: the one
 * description `docs/configuration.md` is generated from (`npm run docs:generate`; a test fails on a
 * variable without one).
 */
export const envSchema = z
  .object({
    HOST: z.string().default('127.0.0.1').describe('Where the API listens: the address.'),
    PORT: port.default(3000).describe('Where the API listens: the port.'),
    TRUST_PROXY: trustProxy.describe(
      'The reverse proxies in front of the API whose `X-Forwarded-For` names the client (Express `trust proxy`): `false` (none, the default), a hop count, or a comma-separated list of addresses, subnets or `loopback`, `linklocal`, `uniquelocal`. Login throttling counts per client address; behind an untrusted proxy every user is the proxy.',
    ),
    DATA_DIR: z.string().default('.data').describe("`npm start`'s embedded database, Temporal SQLite file, files and logs."),
    CACHE_DIR: z
      .string()
      .default('.cache')
      .describe('The built Temporal CLI and server, the Java test server, Schemathesis and the test PostgreSQL clusters.'),
    LOG_LEVEL: z
      .enum(['debug', 'info', 'warn', 'error', 'silent'])
      .default('info')
      .describe('`debug`, `info`, `warn`, `error` or `silent`; logs are JSON lines.'),

    DATABASE_URL: optionalUrl.describe("PostgreSQL connection string. Unset: `npm start`'s embedded PGlite database."),
    EMBEDDED_DB_PORT: port.default(5433).describe('Port of the embedded database (PGlite) that `npm start` serves.'),
    DATABASE_CONNECT_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(100)
      .max(60_000)
      .default(5_000)
      .describe('Longest wait for a PostgreSQL connection before a request answers 503.'),

    TEMPORAL_ADDRESS: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v === '' ? undefined : v))
      .describe("`host:port` of a Temporal frontend. Unset: `npm start`'s Temporal CLI dev server."),
    TEMPORAL_NAMESPACE: z.string().min(1).default('default').describe('The Temporal namespace.'),
    TEMPORAL_DEV_PORT: port.default(7233).describe("Port of `npm start`'s Temporal dev server."),
    TEMPORAL_UI_PORT: port.default(8233).describe("Port of the dev server's Temporal Web UI."),
    TEMPORAL_CLI_PATH: z
      .string()
      .optional()
      .describe('An existing `temporal` binary to use. Unset: `temporal` on `PATH`, else one built with Go.'),
    TEMPORAL_CLI_VERSION: z.string().default('v1.5.1').describe('The Temporal CLI release built with `go install` when no CLI is found.'),
    TEMPORAL_SERVER_VERSION: z
      .string()
      .default('v1.29.1')
      .describe(
        '`go.temporal.io/server` built with `go install` for the production topology suite and `npm run temporal:server` (the CLI above embeds the same).',
      ),
    TEMPORAL_TEST_SERVER_VERSION: z
      .string()
      .default('1.38.0')
      .describe('`io.temporal:temporal-test-server` (the time-skipping test server), assembled from Maven Central.'),
    SCHEMATHESIS_VERSION: z.string().default('4.32.5').describe('Schemathesis, installed from PyPI for the API fuzzing suite.'),
    GEOREPORT_VERSION: z
      .string()
      .default('0.3.1')
      .describe('The Open311 GeoReport v2 client (PyPI `georeport`) the integration tests read the API with.'),
    TEMPORAL_CALL_DEADLINE_MS: z.coerce
      .number()
      .int()
      .min(100)
      .max(60_000)
      .default(5_000)
      .describe("The budget of a request's Temporal calls: past it (server down or unreachable) the request answers 503."),

    SMTP_URL: optionalUrl.describe("Mail server, e.g. `smtp://user:pass@mail:587`. Unset: `npm start`'s embedded SMTP server."),
    EMBEDDED_SMTP_PORT: port.default(2525).describe('Port of the embedded SMTP server.'),
    MAIL_FROM: z.string().default('Linkage Ledger <ledger@localhost>').describe('Sender of every notice.'),
    NOTICE_LANGUAGE: z
      .enum(['zh', 'en'])
      .default('zh')
      .describe('The language of the notices mailed about cases (the district’s): `zh` or `en`.'),
    PUBLIC_BASE_URL: z
      .url()
      .default('http://localhost:3000')
      .describe('Where people open the web app; notices link to a case as `<PUBLIC_BASE_URL>/app/cases/<id>`.'),

    DEADLINE_DISTRICT_DAYS: z.coerce
      .number()
      .int()
      .min(1)
      .max(365)
      .default(10)
      .describe('Working days the district has for a regular case.'),
    DEADLINE_MUNICIPAL_DAYS: z.coerce
      .number()
      .int()
      .min(1)
      .max(365)
      .default(20)
      .describe('Working days the municipality has for a regular case.'),
    DEADLINE_URGENT_DISTRICT_DAYS: z.coerce
      .number()
      .int()
      .min(1)
      .max(365)
      .default(1)
      .describe('Working days the district has for an urgent case.'),
    DEADLINE_URGENT_MUNICIPAL_DAYS: z.coerce
      .number()
      .int()
      .min(1)
      .max(365)
      .default(3)
      .describe('Working days the municipality has for an urgent case.'),
    FEEDBACK_DAYS: z.coerce
      .number()
      .int()
      .min(1)
      .max(365)
      .default(10)
      .describe("Working days to record the reporter's answer before a resolved case closes by itself."),
    DISTRICT_TIME_ZONE: z
      .string()
      .default('Asia/Shanghai')
      .transform((zone, context): DistrictTime => {
        try {
          return { zone, utcOffsetMinutes: fixedUtcOffsetOf(zone) };
        } catch (error) {
          context.addIssue({ code: 'custom', message: (error as Error).message });
          return z.NEVER;
        }
      })
      .describe(
        "The district's IANA zone: every date people give or read (exports, mail, the web app, working days and deadlines) is a date there. Its UTC offset is derived from it; a zone whose offset changes (daylight saving time) is refused at boot, since working days are counted at one fixed offset.",
      ),
    CYCLE_DEADLINE_H1: monthDay('06-26').describe('Deadline of the first half-year ledger (MM-DD, district time).'),
    CYCLE_DEADLINE_H2: monthDay('12-26').describe('Deadline of the second half-year ledger (MM-DD, district time).'),
    CYCLE_OPENS_H1: monthDay('06-01').describe("When the Schedule opens the first half-year's cycles (MM-DD, 09:00 district time)."),
    CYCLE_OPENS_H2: monthDay('12-01').describe("When the Schedule opens the second half-year's cycles (MM-DD, 09:00 district time)."),
    CYCLE_REVIEW_FIRST: z
      .enum(['true', 'false'])
      .default('false')
      .transform((v) => v === 'true')
      .describe("`true`: hold each district's batch to the city until an officer approves the summary."),
    CYCLE_CHASE_DAYS: z.coerce
      .number()
      .int()
      .min(0)
      .max(366)
      .default(183)
      .describe("Most days late units are chased, daily; never past the next ledger's deadline."),
    MEMBER_FEEDBACK_OPENS: monthDay('12-01').describe("The year-end feedback to members' home units opens (MM-DD, 09:00 district time)."),
    MEMBER_FEEDBACK_DELIVER: monthDay('12-24').describe(
      'The feedback is compiled and mailed (MM-DD, 09:00 district time); after it opens.',
    ),
    MEMBER_FEEDBACK_DEADLINE: monthDay('12-31').describe(
      'The feedback is due (MM-DD, end of the day, district time); a delivery after it is late.',
    ),
    MEMBER_FEEDBACK_CHASE_DAYS: z.coerce
      .number()
      .int()
      .min(1)
      .max(31)
      .default(7)
      .describe('Days between chasing streets/parks with unconfirmed service records, until delivery.'),
    RECOMMENDATION_SUBMIT_BY: monthDay('06-20')
      .refine((v) => v < '07-01', 'before July 1, when commendations come')
      .describe("A street/park's recommendation list is due by the end of this day (MM-DD, before July 1); reminder 3 days before."),
    RECOMMENDATION_QUOTA_PERCENT: z.coerce
      .number()
      .int()
      .min(1)
      .max(100)
      .default(15)
      .describe('At most this percentage of the members registered with a street/park may be recommended.'),
    RECOMMENDATION_QUOTA_ROUNDING: z
      .enum(QUOTA_ROUNDINGS)
      .default('round')
      .describe('How the quota is rounded: `round` (half up), `floor` or `ceil`.'),
    LEADER_QUOTA_PLANNING_MEETINGS: yearlyMinimum(1).describe(
      "Each principal leader's yearly minimum of planning meetings (leads planning).",
    ),
    LEADER_QUOTA_RESEARCH_VISITS: yearlyMinimum(2).describe("Each principal leader's yearly minimum of research visits (leads research)."),
    LEADER_QUOTA_OPINION_COLLECTIONS: yearlyMinimum(1).describe(
      "Each principal leader's yearly minimum of collections of residents' opinions (leads research).",
    ),
    LEADER_QUOTA_PARTY_LECTURES: yearlyMinimum(1).describe("Each principal leader's yearly minimum of party lectures (leads on policy)."),
    LEADER_QUOTA_PUBLIC_SERVICE_PROJECTS: yearlyMinimum(1).describe(
      "Each principal leader's yearly minimum of completed public-service projects (leads in helping).",
    ),
    LEADER_QUOTA_SCHEDULING: yearlyMinimum(1).describe(
      "Each principal leader's yearly minimum of taking part in the street/park's scheduling.",
    ),
    LEADER_REMINDER_DATES: monthDays('09-01,11-01').describe(
      'Days (MM-DD, comma-separated, 09:00 district time) the quota trackers remind units of principal leaders who are behind.',
    ),
    FILES_DIR: z
      .string()
      .optional()
      .describe('Attachments and finished exports; in production a volume shared by the API and the workers. Unset: `DATA_DIR/files`.'),
    EXPORT_START_RETRY_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .max(3600)
      .default(30)
      .describe('How often queued export jobs whose workflow could not be started are started again.'),
    EXPORT_START_GIVE_UP_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .default(60)
      .describe('A queued export job that still cannot be started after this long is marked failed, with the reason.'),
    ATTACHMENT_MAX_BYTES: z.coerce
      .number()
      .int()
      .positive()
      .default(10 * 1024 * 1024)
      .describe('The largest attachment, in bytes.'),

    TOKEN_TTL_MINUTES: z.coerce
      .number()
      .int()
      .positive()
      .default(8 * 60)
      .describe('Lifetime of a login token.'),
    LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: z.coerce
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(5)
      .describe('Login attempts an account may take per window before a 429.'),
    LOGIN_MAX_ATTEMPTS_PER_ADDRESS: z.coerce
      .number()
      .int()
      .min(1)
      .max(100000)
      .default(30)
      .describe('Login attempts a client address may make per window before a 429.'),
    LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15).describe('The login throttling window.'),

    METRICS_TOKEN: z
      .string()
      .trim()
      .optional()
      .transform((v) => (v === '' ? undefined : v))
      .pipe(z.string().min(16, 'at least 16 characters').optional())
      .describe(
        'Bearer token (16+ characters) for reading `/metrics` of the API and workers. Unset: `/metrics` answers loopback clients only.',
      ),
    WORKER_METRICS_HOST: z.string().default('127.0.0.1').describe('Where a worker serves its own `/metrics`.'),
    WORKER_METRICS_PORT: z
      .preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), port.optional())
      .describe(
        "The port of a worker's `/metrics` (its own figures and the Temporal SDK's runtime metrics). Unset: the worker serves no metrics.",
      ),

    OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl.describe(
      'An OpenTelemetry collector (OTLP over HTTP, e.g. `http://collector:4318`): the API and workers send their traces to `/v1/traces` under it. Unset: no traces are sent.',
    ),
    DISTRICT_LANGUAGE: z
      .enum(DISTRICT_LANGUAGES)
      .default('zh')
      .describe(
        'The language the district writes in to systems outside it: Open311 status notes and service names, chat-group webhook messages',
      ),
    DISTRICT_BOUNDS: boundingBox.describe(
      'south,west,north,east in decimal degrees: coordinates of a case must fall inside (unset: any valid latitude and longitude)',
    ),
    OPEN311_PUBLIC_READS: flag('false').describe(
      'true: anyone may read Open311 requests (the spec’s non-personal fields); false: reads need an api_key and see what its unit may see',
    ),
    OPEN311_JURISDICTION_ID: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9._-]{1,100}$/)
      .optional()
      .describe('The Open311 jurisdiction_id this district answers to (unset: none is needed, and any given is refused)'),
    OPEN311_MEDIA_HOSTS: hostList.describe(
      'Hosts (with an optional port) an Open311 media_url may point at; the photo is fetched from there and kept with the case. Empty: media_url is refused',
    ),
    OPEN311_MEDIA_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(100)
      .max(60_000)
      .default(10_000)
      .describe('Longest wait for an Open311 media_url'),
    WEBHOOK_FEED_POLL_MS: z.coerce
      .number()
      .int()
      .min(50)
      .max(60_000)
      .default(1_000)
      .describe('How often the webhook feed looks for new ledger events (the delay before an event is sent, at most)'),
    WEBHOOK_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(100)
      .max(60_000)
      .default(10_000)
      .describe('Longest wait for a webhook receiver to answer'),
    WEBHOOK_RETRY_INITIAL_MS: z.coerce
      .number()
      .int()
      .min(100)
      .max(3_600_000)
      .default(5_000)
      .describe('Wait before the first retry of a failed delivery; each further wait doubles'),
    WEBHOOK_RETRY_MAX_MS: z.coerce
      .number()
      .int()
      .min(100)
      .max(3_600_000)
      .default(300_000)
      .describe('Longest wait between retries: a receiver back after an outage gets its events within this'),
    WEBHOOK_GIVE_UP_MINUTES: z.coerce
      .number()
      .int()
      .min(1)
      .max(30 * 24 * 60)
      .default(24 * 60)
      .describe('A delivery still failing after this long is marked failed (an administrator may send it again)'),

    TEST_DATABASE_URL: optionalUrl.describe(
      'A PostgreSQL server (superuser) for the tests. Unset: the tests start a local cluster of their own.',
    ),
  })
  .refine((env) => env.MEMBER_FEEDBACK_OPENS < env.MEMBER_FEEDBACK_DELIVER && env.MEMBER_FEEDBACK_DELIVER <= env.MEMBER_FEEDBACK_DEADLINE, {
    message: 'the member feedback opens, is delivered and is due in this order, within one year',
    path: ['MEMBER_FEEDBACK_DELIVER'],
  });

export type Config = ReturnType<typeof loadConfig>;

/**
 * The folder holding package.json, above this module: the repository for the TypeScript sources
 * (lib/), and the same folder for the build (dist/lib/), so migrations and web/dist are found from both.
 */
function projectRootFrom(dir: string): string {
  for (let at = dir; ; at = path.dirname(at)) {
    if (existsSync(path.join(at, 'package.json'))) return at;
    if (path.dirname(at) === at) throw new Error(`no package.json above ${dir}`);
  }
}

/** Variables no longer read, and why: set, they would look as if they did something. */
const RETIRED: Record<string, string> = {
  DISTRICT_UTC_OFFSET_MINUTES: 'no longer read: the offset is derived from DISTRICT_TIME_ZONE; remove it',
};

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = envSchema.safeParse(env);
  const problems = [
    ...(parsed.success ? [] : parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)),
    ...Object.entries(RETIRED)
      .filter(([name]) => env[name] !== undefined)
      .map(([name, why]) => `  ${name}: ${why}`),
  ];
  if (!parsed.success || problems.length > 0) throw new Error(`Invalid configuration:\n${problems.join('\n')}`);
  const raw = parsed.data;
  const { utcOffsetMinutes } = raw.DISTRICT_TIME_ZONE;
  const projectRoot = projectRootFrom(import.meta.dirname);
  const resolveDir = (dir: string) => (path.isAbsolute(dir) ? dir : path.join(projectRoot, dir));
  return {
    projectRoot,
    dataDir: resolveDir(raw.DATA_DIR),
    cacheDir: resolveDir(raw.CACHE_DIR),
    logLevel: raw.LOG_LEVEL,
    /** The district's zone and the UTC offset derived from it; the settings below carry the offset to the workflows. */
    districtTime: raw.DISTRICT_TIME_ZONE,
    http: { host: raw.HOST, port: raw.PORT, trustProxy: raw.TRUST_PROXY },
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
    testing: { schemathesisVersion: raw.SCHEMATHESIS_VERSION, georeportVersion: raw.GEOREPORT_VERSION },
    mail: { smtpUrl: raw.SMTP_URL, embeddedPort: raw.EMBEDDED_SMTP_PORT, from: raw.MAIL_FROM },
    /** What the notices about cases say and where they link: the district's language and the web app's address. */
    notices: { language: raw.NOTICE_LANGUAGE, publicBaseUrl: raw.PUBLIC_BASE_URL.replace(/\/+$/, '') },
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
      utcOffsetMinutes,
    },
    cycles: {
      opensH1: raw.CYCLE_OPENS_H1,
      opensH2: raw.CYCLE_OPENS_H2,
      deadlines: { h1: raw.CYCLE_DEADLINE_H1, h2: raw.CYCLE_DEADLINE_H2 },
      settings: {
        reminderWorkingDays: [7, 3, 1],
        reviewFirst: raw.CYCLE_REVIEW_FIRST,
        chaseDays: raw.CYCLE_CHASE_DAYS,
        utcOffsetMinutes,
        deadlines: { h1: raw.CYCLE_DEADLINE_H1, h2: raw.CYCLE_DEADLINE_H2 },
      },
    },
    party: {
      feedback: {
        dates: { opens: raw.MEMBER_FEEDBACK_OPENS, deliver: raw.MEMBER_FEEDBACK_DELIVER, deadline: raw.MEMBER_FEEDBACK_DEADLINE },
        chaseDays: raw.MEMBER_FEEDBACK_CHASE_DAYS,
        utcOffsetMinutes,
      },
      recommendation: {
        submitBy: raw.RECOMMENDATION_SUBMIT_BY,
        quotaPercent: raw.RECOMMENDATION_QUOTA_PERCENT,
        quotaRounding: raw.RECOMMENDATION_QUOTA_ROUNDING,
        utcOffsetMinutes,
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
      utcOffsetMinutes,
    },
    attachments: { maxBytes: raw.ATTACHMENT_MAX_BYTES },
    metrics: {
      token: raw.METRICS_TOKEN,
      worker: raw.WORKER_METRICS_PORT === undefined ? undefined : { host: raw.WORKER_METRICS_HOST, port: raw.WORKER_METRICS_PORT },
    },
    tracing: { otlpEndpoint: raw.OTEL_EXPORTER_OTLP_ENDPOINT },
    district: { language: raw.DISTRICT_LANGUAGE, bounds: raw.DISTRICT_BOUNDS },
    open311: {
      publicReads: raw.OPEN311_PUBLIC_READS,
      jurisdictionId: raw.OPEN311_JURISDICTION_ID,
      media: { hosts: raw.OPEN311_MEDIA_HOSTS, timeoutMs: raw.OPEN311_MEDIA_TIMEOUT_MS },
    },
    webhooks: {
      pollMs: raw.WEBHOOK_FEED_POLL_MS,
      /** Rows of a source the feed takes in one pass. */
      batch: 200,
      delivery: {
        timeoutMs: raw.WEBHOOK_TIMEOUT_MS,
        retryInitialMs: raw.WEBHOOK_RETRY_INITIAL_MS,
        retryMaxMs: Math.max(raw.WEBHOOK_RETRY_MAX_MS, raw.WEBHOOK_RETRY_INITIAL_MS),
        giveUpMinutes: raw.WEBHOOK_GIVE_UP_MINUTES,
        lang: raw.DISTRICT_LANGUAGE,
        utcOffsetMinutes,
      },
    },
    exports: { startRetrySeconds: raw.EXPORT_START_RETRY_SECONDS, startGiveUpMinutes: raw.EXPORT_START_GIVE_UP_MINUTES },
    /** Attachments and finished exports; shared by the API and the workers in production. */
    filesDir: raw.FILES_DIR ? resolveDir(raw.FILES_DIR) : path.join(resolveDir(raw.DATA_DIR), 'files'),
  };
}

/** Environment for child processes: the parent's plus overrides. */
export function childProcessEnv(overrides: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
