import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { seedDemoData, seedId } from '../domain/directory/seed.ts';
import { freePort } from '../infra/free-port.ts';
import { createMigratedDatabase, startLocalPostgres } from '../infra/postgres.ts';
import { childProcessEnv, loadConfig } from '../lib/config.ts';
import { createPrisma } from '../lib/db.ts';
import { copyFloor, measureExport } from './export-measure.ts';

/**
 * `npm run bench:export [-- --rows N]`: fills a PostgreSQL ledger with N cases (1,000,000 by default)
 * and exports Annex 3 as CSV and as XLSX to files, reporting rows per second and memory at 20 % and 100 % of
 * the rows beside PostgreSQL's own COPY of the same rows to CSV (the floor). The
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
  await seedDemoData(prisma, 'bench', 'zh');

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

  const copy = copyFloor(url, path.join(outDir, 'copy.csv'), config.districtTime.zone);
  const results: Record<string, unknown> = { copy: { ...copy, rowsPerSecond: Math.round(ROWS / copy.seconds) } };
  say(`COPY floor: ${JSON.stringify(results.copy)}`);
  for (const format of ['csv', 'xlsx'] as const) {
    results[format] = await measureExport(prisma, config, format, path.join(outDir, `annex3.${format}`), say);
    say(`${format}: ${JSON.stringify(results[format])}`);
  }
  await prisma.$disconnect();
  const report = {
    date: new Date().toISOString(),
    machine: { cpu: os.cpus()[0]?.model, cores: os.cpus().length, node: process.version, loadAverage: os.loadavg() },
    results,
  };
  console.log(JSON.stringify(report, null, 2));
  mkdirSync(path.join(config.projectRoot, 'bench', 'results'), { recursive: true });
  writeFileSync(path.join(config.projectRoot, 'bench', 'results', 'export-latest.json'), JSON.stringify(report, null, 2) + '\n');
} finally {
  postgres.stop();
}
