import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { seedDemoData, seedId } from '../domain/directory/seed.ts';
import { freePort } from '../infra/free-port.ts';
import { createMigratedDatabase, startLocalPostgres } from '../infra/postgres.ts';
import { childProcessEnv, loadConfig } from '../lib/config.ts';
import { createPrisma } from '../lib/db.ts';
import { FILING_UNIT_KINDS } from '../model/directory/unit-kinds.ts';
import { copyFloor, measureExport } from './export-measure.ts';
import { fillLedger } from './ledger-fill.ts';
import { serveApiForBench } from './serve-api.ts';
import { percentile } from './stats.ts';

/**
 * `npm run bench:ledger [-- --cases N --reuse]`: the ledger at city scale. Fills a PostgreSQL (a local
 * cluster, or the server of DATABASE_URL, which needs CREATEDB) with N cases (1,000,000 by default,
 * about two events each) in a realistic mix, serves the API in this process and measures, as a
 * district officer over HTTP: free-text search p95 for 2-, 4- and 8-character Chinese and Latin
 * queries, and the statistics for a half-year and for all time (time and answer size); then the
 * Annex 3 export to CSV and XLSX against PostgreSQL's own COPY of the same rows. `--reuse` measures
 * the database a previous run filled. Prints each figure beside its goal; writes
 * bench/results/ledger-latest.json.
 */
const args = process.argv.slice(2);
const arg = (name: string, fallback: number) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const CASES = arg('cases', 1_000_000);
const REUSE = args.includes('--reuse');
const config = loadConfig({ ...childProcessEnv(), LOG_LEVEL: 'silent' });
const say = (m: string) => console.log(`[bench:ledger] ${m}`);
const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits;

const local = config.database.url ? undefined : startLocalPostgres(path.join(config.cacheDir, 'postgres-bench'), await freePort());
const adminUrl = config.database.url ?? local!.url;
try {
  const migrationsDir = path.join(config.projectRoot, 'prisma', 'migrations');
  const url = new URL(adminUrl);
  url.pathname = '/bench_ledger';
  const databaseUrl = REUSE ? url.toString() : (await createMigratedDatabase(adminUrl, 'bench_ledger', migrationsDir)).url;
  const prisma = createPrisma(databaseUrl, { maxConnections: 10 });
  let fill: Awaited<ReturnType<typeof fillLedger>> | undefined;
  if (!REUSE) {
    await seedDemoData(prisma, 'bench', 'zh');
    // A realistic tree: the demo district with 24 streets and parks, the north district with 12.
    const extra = [
      ...Array.from({ length: 20 }, (_, i) => ['DIST', `BENCH-D${i}`]),
      ...Array.from({ length: 11 }, (_, i) => ['DIST-NORTH', `BENCH-N${i}`]),
    ];
    await prisma.orgUnit.createMany({
      data: extra.map(([parent, code]) => ({
        id: seedId(code!),
        code: code!,
        name: `Bench unit ${code}`,
        kind: 'street' as const,
        parentId: seedId(parent!),
      })),
    });
    const units = (await prisma.orgUnit.findMany({ where: { kind: { in: [...FILING_UNIT_KINDS] } } })).map((u) => u.id);
    say(`filling ${CASES.toLocaleString('en')} cases over ${units.length} units`);
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    fill = await fillLedger(client, CASES, units, say);
    await client.end();
    say(`filled: ${JSON.stringify(fill)}`);
  }

  const api = await serveApiForBench(config, prisma);
  const base = api.base;
  const login = await fetch(`${base}/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'district@ledger.test', password: 'bench' }),
  });
  const authorization = `Bearer ${((await login.json()) as { token: string }).token}`;
  const get = async (pathAndQuery: string) => {
    const started = performance.now();
    const res = await fetch(`${base}${pathAndQuery}`, { headers: { authorization } });
    const body = await res.text();
    if (res.status !== 200) throw new Error(`${pathAndQuery}: ${res.status} ${body}`);
    return { ms: performance.now() - started, bytes: Buffer.byteLength(body), body };
  };

  // Queries are pieces of the ledger's own text: 2, 4 and 8 characters, Chinese and Latin.
  const titles = (
    await prisma.case.findMany({
      select: { title: true, description: true },
      where: { number: { in: Array.from({ length: 60 }, (_, i) => 1 + i * Math.floor(CASES / 60)) } },
    })
  ).flatMap((c) => [c.title, c.description]);
  const queries = (length: number, chinese: boolean) => {
    const texts = titles.filter((t) => /[\u4e00-\u9fff]/.test(t) === chinese);
    const found: string[] = [];
    for (let i = 0; found.length < 10 && i < 1000; i += 1) {
      const chars = Array.from(texts[(i * 7) % texts.length]!);
      const from = (i * 3) % Math.max(1, chars.length - length);
      const q = chars.slice(from, from + length).join('');
      // A query someone would type: whole, without spaces or punctuation at its ends.
      if (Array.from(q).length === length && /^[\p{L}\p{N}].*[\p{L}\p{N}]$/u.test(q) && !found.includes(q)) found.push(q);
    }
    return found;
  };
  // Warm up: the first requests compile queries and open connections.
  for (const q of ['路灯', 'road', '花园小区', 'Street l']) await get(`/cases?q=${encodeURIComponent(q)}`);
  await get('/statistics?cycle=2020-H1');
  const search: Record<string, unknown> = {};
  for (const chinese of [true, false])
    for (const length of [2, 4, 8]) {
      const latencies: number[] = [];
      const list = queries(length, chinese);
      for (let round = 0; round < 3; round += 1) for (const q of list) latencies.push((await get(`/cases?q=${encodeURIComponent(q)}`)).ms);
      latencies.sort((a, b) => a - b);
      const key = `${chinese ? 'chinese' : 'latin'}${length}`;
      search[key] = { queries: list, p50Ms: round(percentile(latencies, 50)), p95Ms: round(percentile(latencies, 95)) };
      say(`search ${key}: ${JSON.stringify(search[key])}`);
    }

  const statistics: Record<string, unknown> = {};
  for (const [name, query] of [
    ['cycle 2026-H1', '?cycle=2026-H1'],
    ['all time', ''],
  ] as const) {
    const runs = [await get(`/statistics${query}`), await get(`/statistics${query}`), await get(`/statistics${query}`)];
    const times = runs.map((r) => r.ms).sort((a, b) => a - b);
    statistics[name] = {
      medianMs: round(times[1]!),
      maxMs: round(times[2]!),
      answerKiB: round(runs[0]!.bytes / 1024, 1),
      filed: (JSON.parse(runs[0]!.body) as { total: { filed: number } }).total.filed,
    };
    say(`statistics ${name}: ${JSON.stringify(statistics[name])}`);
  }
  await api.close();

  const outDir = path.join(config.cacheDir, 'bench-ledger');
  mkdirSync(outDir, { recursive: true });
  const copy = copyFloor(databaseUrl, path.join(outDir, 'copy.csv'), config.districtTime.zone);
  const exportsMeasured = {
    copy: { ...copy, rowsPerSecond: Math.round(CASES / copy.seconds) },
    csv: await measureExport(prisma, config, 'csv', path.join(outDir, 'annex3.csv'), say),
    xlsx: await measureExport(prisma, config, 'xlsx', path.join(outDir, 'annex3.xlsx'), say),
  };
  say(`exports: ${JSON.stringify(exportsMeasured)}`);
  await prisma.$disconnect();

  const p95 = (key: string) => (search[key] as { p95Ms: number }).p95Ms;
  const stat = (key: string) => statistics[key] as { medianMs: number; answerKiB: number };
  const table = [
    ...(['chinese', 'latin'] as const).flatMap((script) =>
      [2, 4, 8].map((n) => [
        `GET /cases?q= ${n}-char ${script}, p95`,
        `${p95(`${script}${n}`)} ms`,
        '< 100 ms',
        p95(`${script}${n}`) < 100,
      ]),
    ),
    [
      'GET /statistics?cycle=2026-H1',
      `${stat('cycle 2026-H1').medianMs} ms, ${stat('cycle 2026-H1').answerKiB} KiB`,
      '< 1 s, < 200 kB',
      stat('cycle 2026-H1').medianMs < 1000 && stat('cycle 2026-H1').answerKiB < 195,
    ],
    [
      'GET /statistics (all time)',
      `${stat('all time').medianMs} ms, ${stat('all time').answerKiB} KiB`,
      '< 2 s, < 200 kB',
      stat('all time').medianMs < 2000 && stat('all time').answerKiB < 195,
    ],
    ['COPY (SELECT ...) TO STDOUT, CSV (floor)', `${exportsMeasured.copy.rowsPerSecond} rows/s`, '', true],
    [
      'Annex 3 CSV',
      `${exportsMeasured.csv.rowsPerSecond} rows/s (${round(exportsMeasured.copy.rowsPerSecond / exportsMeasured.csv.rowsPerSecond, 1)}x COPY), RSS ${exportsMeasured.csv.rssAt20PercentMiB}/${exportsMeasured.csv.rssAt100PercentMiB} MiB at 20/100 %`,
      '>= 50,000 rows/s, <= 3x COPY',
      exportsMeasured.csv.rowsPerSecond >= 50_000 && exportsMeasured.copy.rowsPerSecond / exportsMeasured.csv.rowsPerSecond <= 3,
    ],
    [
      'Annex 3 XLSX',
      `${exportsMeasured.xlsx.rowsPerSecond} rows/s, RSS ${exportsMeasured.xlsx.rssAt20PercentMiB}/${exportsMeasured.xlsx.rssAt100PercentMiB} MiB at 20/100 %`,
      '>= 25,000 rows/s',
      exportsMeasured.xlsx.rowsPerSecond >= 25_000,
    ],
  ];
  console.log('\n| read | measured | goal | met |\n|---|---|---|---|');
  for (const [name, measured, goal, met] of table) console.log(`| ${name} | ${measured} | ${goal} | ${met ? 'yes' : 'no'} |`);
  const report = {
    date: new Date().toISOString(),
    machine: {
      cpu: os.cpus()[0]?.model,
      cores: os.cpus().length,
      memoryGiB: round(os.totalmem() / 2 ** 30),
      node: process.version,
      loadAverage: os.loadavg().map((l) => round(l, 1)),
    },
    cases: CASES,
    fill,
    search,
    statistics,
    exports: exportsMeasured,
  };
  mkdirSync(path.join(config.projectRoot, 'bench', 'results'), { recursive: true });
  writeFileSync(path.join(config.projectRoot, 'bench', 'results', 'ledger-latest.json'), JSON.stringify(report, null, 2) + '\n');
} finally {
  local?.stop();
}
