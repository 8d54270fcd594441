import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { routes } from '../api/app.ts';
import { freePort } from '../infra/free-port.ts';
import { startLocalPostgres } from '../infra/postgres.ts';
import { childProcessEnv, loadConfig } from '../lib/config.ts';
import { createPrisma } from '../lib/db.ts';
import { applyMigrations } from '../lib/migrations.ts';
import { ensureWebBuilt } from '../tools/web-build.ts';
import { zh } from '../web/src/i18n/zh.ts';
import { serveApiForBench } from './serve-api.ts';
import { percentile } from './stats.ts';

/**
 * `npm run bench:web-ledger [-- --cluster DIR --runs N]`: the ledger list of a filled database in a
 * real browser. Serves the API and the built UI in this process over the `bench_ledger` database
 * that `npm run bench:ledger` filled (its cluster in DIR, by default .cache/postgres-bench; or the
 * server of DATABASE_URL), applies pending migrations, signs in through the sign-in page with
 * Debian's Chromium and measures, N times each, the time from navigation until the first page's rows
 * are painted: a full load of the URL (assets cached, as on a second visit) and a click in the menu
 * from another screen. Prints the medians beside the 500 ms goal; writes
 * bench/results/web-ledger-latest.json.
 */
const GOAL_MS = 500;
const args = process.argv.slice(2);
const option = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined);
const RUNS = Number(option('runs') ?? 7);
const config = loadConfig({ ...childProcessEnv(), LOG_LEVEL: 'silent' });
const say = (m: string) => console.log(`[bench:web-ledger] ${m}`);
const round = (n: number) => Math.round(n);

const clusterDir = option('cluster') ?? path.join(config.cacheDir, 'postgres-bench');
const portFile = path.join(clusterDir, 'port');
const local = config.database.url
  ? undefined
  : startLocalPostgres(clusterDir, existsSync(portFile) ? Number(readFileSync(portFile, 'utf8')) : await freePort());
const url = new URL(config.database.url ?? local!.url);
url.pathname = '/bench_ledger';

// The first painted frame with a data row of the list's table, from the page's own clock (its
// time origin is the navigation's start): set by a script that runs before the page's own. Page
// code reaches the DOM through `globalThis` (this project compiles for Node, without the DOM's types); the
// watcher is a string, installed before the page's own scripts.
const WATCH_ROWS = `new MutationObserver(() => {
  const present = document.querySelector('.ant-table-tbody .ant-table-row') !== null;
  if (present && !window.rowsPresent) requestAnimationFrame(() => { window.rowsPaintedAt = performance.now(); });
  window.rowsPresent = present;
}).observe(document, { childList: true, subtree: true });`;
type PageGlobals = { rowsPaintedAt?: number; performance: { now(): number } };

const rowsPainted = (page: Page) => page.waitForFunction(() => (globalThis as unknown as PageGlobals).rowsPaintedAt !== undefined);
const rowsPaintedAt = (page: Page) => page.evaluate(() => (globalThis as unknown as PageGlobals).rowsPaintedAt!);

/** The list request's own time in the browser (Resource Timing), to tell server time from rendering. */
const listRequestMs = (page: Page) =>
  page.evaluate(() => {
    const timing = globalThis as unknown as { performance: { getEntriesByType(type: string): Array<{ name: string; duration: number }> } };
    return timing.performance
      .getEntriesByType('resource')
      .filter((e) => /^\/cases(\?|$)/.test(new URL(e.name).pathname + new URL(e.name).search))
      .map((e) => e.duration)
      .pop();
  });

try {
  const applied = await applyMigrations(url.toString(), path.join(config.projectRoot, 'prisma', 'migrations'));
  if (applied.applied.length) say(`applied ${applied.applied.join(', ')}`);
  const prisma = createPrisma(url.toString(), { maxConnections: 10 });
  const cases = Number((await prisma.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM cases`)[0]?.n ?? 0);
  say(`${cases.toLocaleString('en')} cases in ${url.host}${url.pathname}`);
  await ensureWebBuilt(routes, say);
  const api = await serveApiForBench(config, prisma);
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: process.getuid?.() === 0 ? ['--no-sandbox'] : [],
  });

  const results: Array<{ who: string; screen: string; how: string; medianMs: number; maxMs: number; requestMedianMs: number }> = [];
  for (const [email, screen, menuKey] of [
    ['east@ledger.test', '/app/cases', 'nav.ledger'],
    ['district@ledger.test', '/app/cases', 'nav.allCases'],
    ['district@ledger.test', '/app/triage', 'nav.triage'],
  ] as const) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: api.base });
    await context.addInitScript({ content: WATCH_ROWS });
    const page = await context.newPage();
    await page.goto('/app/login');
    await page.getByLabel(zh['auth.email']).fill(email);
    await page.getByLabel(zh['auth.password'], { exact: true }).fill('bench');
    await page.getByRole('button', { name: zh['auth.signIn'] }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/app/login'));

    const load: number[] = [];
    const click: number[] = [];
    const requests: number[] = [];
    // One unmeasured round first: the server's first queries and the browser's cache warm up.
    for (let run = 0; run <= RUNS; run += 1) {
      await page.goto(screen);
      await rowsPainted(page);
      const loaded = await rowsPaintedAt(page);
      const loadRequest = await listRequestMs(page);

      // From another screen (no table there), a click in the menu: the app's own navigation.
      await page.goto('/app/exports');
      await page.getByRole('heading', { level: 1 }).waitFor();
      const clickedAt = await page.evaluate(() => {
        const page = globalThis as unknown as PageGlobals;
        page.rowsPaintedAt = undefined;
        return page.performance.now();
      });
      await page.getByRole('link', { name: zh[menuKey], exact: true }).click();
      await rowsPainted(page);
      const clicked = (await rowsPaintedAt(page)) - clickedAt;
      if (run === 0) continue;
      load.push(loaded);
      click.push(clicked);
      if (loadRequest !== undefined) requests.push(loadRequest);
    }
    for (const [how, times] of [
      ['full load of the URL', load],
      ['menu click', click],
    ] as const) {
      const sorted = [...times].sort((a, b) => a - b);
      const request = [...requests].sort((a, b) => a - b);
      results.push({
        who: email,
        screen,
        how,
        medianMs: round(percentile(sorted, 50)),
        maxMs: round(sorted[sorted.length - 1]!),
        requestMedianMs: round(percentile(request, 50)),
      });
      say(JSON.stringify(results[results.length - 1]));
    }
    await context.close();
  }
  await browser.close();
  await api.close();
  await prisma.$disconnect();

  console.log(`\n| who | screen | navigation | first rows painted, median (max) of ${RUNS} | goal | met |\n|---|---|---|---|---|---|`);
  for (const r of results)
    console.log(
      `| ${r.who} | ${r.screen} | ${r.how} | ${r.medianMs} ms (${r.maxMs} ms) | ≤ ${GOAL_MS} ms | ${r.medianMs <= GOAL_MS ? 'yes' : 'no'} |`,
    );
  const machine = {
    cpu: os.cpus()[0]?.model,
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    loadAverage: os.loadavg().map((l) => Math.round(l * 10) / 10),
  };
  console.log(`machine: ${JSON.stringify(machine)}; list request median ${results.map((r) => r.requestMedianMs).join('/')} ms`);
  const out = path.join(config.projectRoot, 'bench', 'results');
  mkdirSync(out, { recursive: true });
  writeFileSync(
    path.join(out, 'web-ledger-latest.json'),
    JSON.stringify({ date: new Date().toISOString(), machine, cases, runs: RUNS, results }, null, 2) + '\n',
  );
  if (results.some((r) => r.medianMs > GOAL_MS)) process.exitCode = 1;
} finally {
  local?.stop();
}
