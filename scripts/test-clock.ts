import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { childProcessEnv, loadConfig } from '../lib/config.ts';
import { findOnPath } from '../infra/temporal-cli.ts';

/**
 * `npm run test:clock`: proves no test depends on the date or hour it runs. The date-sensitive suites
 * run again with the process clock faked by Debian's `faketime` (libfaketime, LD_PRELOAD) to moments
 * where a UTC date, a weekday or a year is easily taken for the district's. The fake is an offset
 * from the real clock, so every process of the run (vitest, its forks, PostgreSQL) agrees on the time.
 *
 * What it cannot fake, and why that is fine: the Temporal CLI dev server is a Go binary (Go reads
 * the clock without libc), so on the dev-server suites workflow time stays real while the API's clock
 * is faked; those suites compare only with times the ledger recorded. The Java time-skipping server
 * is left unfaked (FAKETIME_SKIP_CMDS=java): under libfaketime the JVM took 24 s instead of 2 s to
 * start, past the SDK's 5 s limit, and its clock is pinned to absolute moments by every suite anyway.
 * The monotonic clock stays real, so timeouts and `performance.now()` are undisturbed.
 */
const MOMENTS = [
  {
    at: '2027-03-05T23:30:00Z',
    why: 'Friday 23:30 UTC: Saturday 07:30 in the district, a working day by UTC and a weekend day there',
  },
  { at: '2027-03-10T16:05:00Z', why: '16:05 UTC: five minutes into Thursday in the district, still Wednesday in UTC' },
  {
    at: '2027-12-31T15:59:00Z',
    why: 'December 31 23:59 in the district: the year turns a minute into the run (and 2028-H1 began on December 26)',
  },
  { at: '2027-06-26T01:00:00Z', why: '09:00 on Saturday 2027-06-26 in the district, the day of an H1 deadline that falls on a Saturday' },
  {
    at: '2025-09-28T01:00:00Z',
    why: 'Sunday 2025-09-28 09:00 in the district, a make-up working day of the 2025 National Day holiday; behind the real clock',
  },
];

// Statistics by district day are in district-dates.test.ts; statistics.test.ts is pinned to 2099 and
// reads no process clock, so it is left to the main run (each file costs a Java server and a worker).
const DATE_SENSITIVE_FILES = [
  'test/unit/calendar/working-days.test.ts',
  'test/unit/lib/district-dates.test.ts',
  'test/unit/exports/annex3.test.ts',
  'test/unit/cases/deadline-clock.test.ts',
  'test/integration/cases/deadlines.test.ts',
  'test/integration/cycle/ledger-cycle.test.ts',
  'test/integration/cases/district-dates.test.ts',
  'test/integration/exports/exports.test.ts',
];

const config = loadConfig();
const faketime = findOnPath('faketime', childProcessEnv().PATH ?? '');
if (!faketime) {
  console.error('[test:clock] `faketime` is missing: apt-get install faketime (Debian)');
  process.exit(1);
}
const vitest = path.join(config.projectRoot, 'node_modules', '.bin', 'vitest');
const env = childProcessEnv({ FAKETIME_SKIP_CMDS: 'java' });

/** faketime's relative offset in seconds from the real clock now: the moment itself at launch. */
const offsetTo = (moment: string) => {
  const seconds = Math.round((Date.parse(moment) - Date.now()) / 1000);
  return seconds >= 0 ? `+${seconds}` : `${seconds}`;
};
const underFaketime = (moment: string, command: string[], output: 'inherit' | 'pipe') =>
  spawnSync(faketime, ['-m', '--exclude-monotonic', '-f', offsetTo(moment), ...command], {
    cwd: config.projectRoot,
    env,
    stdio: ['ignore', output, 'inherit'],
    encoding: 'utf8',
  });

const failures: string[] = [];
const runStarted = Date.now();
for (const moment of MOMENTS) {
  console.log(`\n[test:clock] ${moment.at}: ${moment.why}`);
  // The fake must take: a clock still on the real time would prove nothing.
  const seen = underFaketime(moment.at, [process.execPath, '-e', 'console.log(new Date().toISOString())'], 'pipe').stdout.trim();
  if (Math.abs(Date.parse(seen) - Date.parse(moment.at)) > 60_000) {
    failures.push(`${moment.at} (faketime gave ${seen || 'nothing'})`);
    continue;
  }
  const started = Date.now();
  const run = underFaketime(moment.at, [vitest, 'run', ...DATE_SENSITIVE_FILES], 'inherit');
  console.log(`[test:clock] ${moment.at}: ${run.status === 0 ? 'passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 1000)} s`);
  if (run.status !== 0) failures.push(moment.at);
}

const seconds = Math.round((Date.now() - runStarted) / 1000);
console.log(
  `\ntest:clock: ${MOMENTS.length - failures.length} of ${MOMENTS.length} faked moments passed in ${seconds} s` +
    (failures.length ? `; failed: ${failures.join(', ')}` : ''),
);
process.exit(failures.length ? 1 : 0);
