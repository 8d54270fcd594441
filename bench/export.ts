import { createWriteStream, mkdirSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import v8 from 'node:v8';
import path from 'node:path';
import pg from 'pg';
import { annex3SettingsOf, writeAnnex3 } from '../domain/annex3-export.ts';
import { systemUser } from '../domain/auth.ts';
import { seedDemoData, seedId } from '../domain/seed.ts';
import { freePort } from '../infra/free-port.ts';
import { createMigratedDatabase, startLocalPostgres } from '../infra/postgres.ts';
import { childProcessEnv, loadConfig } from '../lib/config.ts';
import { createPrisma } from '../lib/db.ts';

/**
 * `npm run bench:export [-- --rows N]`: fills a PostgreSQL ledger with N cases (1,000,000 by default)
 * and exports Annex 3 as CSV and as XLSX to files, reporting rows per second and peak memory. The
 * npm script caps the V8 heap at 256 MB: an export whose memory grew with the rows would die.
 */
const i = process.argv.indexOf('--rows');
const ROWS = i > 0 ? Number(process.argv[i + 1]) : 1_000_000;
const config = loadConfig({ ...childProcessEnv(), LOG_LEVEL: 'silent' });
const outDir = path.join(config.cacheDir, 'bench-export');
mkdirSync(outDir, { recursive: true });
const say = (m: string) => console.log(`[bench:export] ${m}`);

const postgres = startLocalPostgres(path.join(config.cacheDir, 'postgres-bench'), await freePort());
try {
  const { url } = await createMigratedDatabase(postgres.url, 'bench_export', path.join(config.projectRoot, 'prisma', 'migrations'));
  const prisma = createPrisma(url, { maxConnections: 2 });
  await seedDemoData(prisma, 'bench');

  say(`inserting ${ROWS.toLocaleString('en')} cases`);
  const fill = new pg.Client({ connectionString: url });
  await fill.connect();
  const started = Date.now();
  await fill.query(
    `INSERT INTO cases (id, workflow_id, idempotency_key, request_hash, filing_unit_id, filed_by_user_id, kind, urgent, title, description, category, location,
       found_on, tried_locally, help_needed, reporter_name, status, responsible_level, details, filed_at, updated_at, closed_at)
     SELECT gen_random_uuid(), 'case-bench-' || n, 'k' || n, 'h', $1::uuid, $2::uuid,
       (CASE WHEN n % 3 = 0 THEN 'unclaimed_project' ELSE 'hard_problem' END)::"CaseKind", n % 10 = 0,
       'Problem ' || n || ': street lights, "Elm Road"', 'Six lights have been dark for a month, residents ask for repair.', 'category-' || (n % 40),
       'Elm Road ' || (n % 500), DATE '2026-01-01' + (n % 300), 'Called the utility', 'Municipal coordination',
       'Reporter ' || (n % 1000), (CASE WHEN n % 2 = 0 THEN 'closed' ELSE 'district_review' END)::"CaseStatus", 'district',
       CASE WHEN n % 2 = 0 THEN '{"resolution":{"level":"municipal","text":"Repaired","solved":true},"feedback":{"satisfied":true}}'::jsonb ELSE '{}'::jsonb END,
       now() - (n || ' minutes')::interval, now(), CASE WHEN n % 2 = 0 THEN now() ELSE NULL END
     FROM generate_series(1, $3::int) AS n`,
    [seedId('ST-EAST'), seedId('user:east@ledger.test'), ROWS],
  );
  await fill.query('ANALYZE cases');
  await fill.end();
  say(`inserted in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const results: Record<string, unknown> = {};
  for (const format of ['csv', 'xlsx'] as const) {
    const file = path.join(outDir, `annex3.${format}`);
    const out = createWriteStream(file);
    let peakRss = process.memoryUsage().rss;
    let peakExternal = 0;
    const sampler = setInterval(() => {
      const usage = process.memoryUsage();
      peakRss = Math.max(peakRss, usage.rss);
      peakExternal = Math.max(peakExternal, usage.external + usage.arrayBuffers);
    }, 100);
    const t = Date.now();
    let rssAtFifth = 0;
    const progress = (n: number) => {
      if (!rssAtFifth && n >= ROWS / 5) rssAtFifth = process.memoryUsage().rss;
      if (n % 100_000 === 0 || n === ROWS) process.stderr.write(`  ${format}: ${n.toLocaleString('en')} rows\n`);
    };
    const written = await writeAnnex3(
      { prisma, settings: annex3SettingsOf(config) },
      systemUser('bench'),
      { format, lang: 'zh', filter: {} },
      out,
      progress,
    );
    out.end();
    await new Promise<void>((resolve) => out.once('close', () => resolve()));
    clearInterval(sampler);
    const seconds = (Date.now() - t) / 1000;
    results[format] = {
      rows: written,
      seconds: Math.round(seconds * 10) / 10,
      rowsPerSecond: Math.round(written / seconds),
      rssAt20PercentMiB: Math.round(rssAtFifth / 2 ** 20),
      peakRssMiB: Math.round(peakRss / 2 ** 20),
      peakBuffersMiB: Math.round(peakExternal / 2 ** 20),
      heapLimitMiB: Math.round(v8.getHeapStatistics().heap_size_limit / 2 ** 20),
      fileMiB: Math.round(statSync(file).size / 2 ** 20),
    };
    say(`${format}: ${JSON.stringify(results[format])}`);
  }
  await prisma.$disconnect();
  const report = {
    date: new Date().toISOString(),
    machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, node: process.version },
    results,
  };
  console.log(JSON.stringify(report, null, 2));
  mkdirSync(path.join(config.projectRoot, 'bench', 'results'), { recursive: true });
  writeFileSync(path.join(config.projectRoot, 'bench', 'results', 'export-latest.json'), JSON.stringify(report, null, 2) + '\n');
} finally {
  postgres.stop();
}
