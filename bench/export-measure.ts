import { spawnSync } from 'node:child_process';
import { closeSync, createWriteStream, openSync, statSync } from 'node:fs';
import path from 'node:path';
import { annex3SettingsOf, writeAnnex3, type Annex3Format } from '../domain/exports/annex3-export.ts';
import { systemUser } from '../domain/auth/auth.ts';
import { findPostgresBinDir } from '../infra/postgres.ts';
import type { Config } from '../lib/config.ts';
import type { Db } from '../lib/db.ts';

const MiB = 2 ** 20;
const round = (n: number, digits = 0) => Math.round(n * 10 ** digits) / 10 ** digits;

/**
 * The floor an export is measured against: PostgreSQL's own `COPY ... TO STDOUT` as CSV of the same
 * rows and columns (times in the district's zone), written to a file by psql.
 */
export function copyFloor(databaseUrl: string, file: string, timeZone: string) {
  const local = (column: string) => `coalesce(to_char(${column} AT TIME ZONE '${timeZone}', 'YYYY-MM-DD HH24:MI'), '')`;
  const query = `COPY (SELECT c.number, u.name, c.kind, c.urgent, c.title, c.description, c.category, c.location,
      to_char(c.found_on, 'YYYY-MM-DD'), c.reporter_name, c.tried_locally, c.help_needed, ${local('c.filed_at')}, c.status, c.overdue,
      c.details, ${local('c.closed_at')}
    FROM cases c JOIN org_units u ON u.id = c.filing_unit_id ORDER BY c.number) TO STDOUT WITH (FORMAT csv, HEADER)`;
  const fd = openSync(file, 'w');
  const started = performance.now();
  try {
    const result = spawnSync(path.join(findPostgresBinDir(), 'psql'), [databaseUrl, '-X', '-q', '-v', 'ON_ERROR_STOP=1', '-c', query], {
      stdio: ['ignore', fd, 'pipe'],
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`psql COPY failed: ${result.stderr}`);
  } finally {
    closeSync(fd);
  }
  return { seconds: round((performance.now() - started) / 1000, 1), fileMiB: round(statSync(file).size / MiB) };
}

/** One Annex 3 export through the same function as the download, to a file: speed and memory. */
export async function measureExport(prisma: Db, config: Config, format: Annex3Format, file: string, log: (m: string) => void) {
  const out = createWriteStream(file);
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
  let total = 0;
  let at20: NodeJS.MemoryUsage | undefined;
  const started = performance.now();
  const written = await writeAnnex3(
    { prisma, settings: annex3SettingsOf(config) },
    systemUser('bench'),
    { format, lang: 'zh', filter: {} },
    out,
    (rows, totalRows) => {
      total = totalRows;
      if (!at20 && rows >= totalRows / 5 && rows > 0) at20 = process.memoryUsage();
      if (rows % 200_000 === 0 && rows > 0) log(`  ${format}: ${rows.toLocaleString('en')} of ${totalRows.toLocaleString('en')} rows`);
    },
  );
  const at100 = process.memoryUsage();
  out.end();
  await new Promise<void>((resolve) => out.once('close', () => resolve()));
  clearInterval(sampler);
  const seconds = (performance.now() - started) / 1000;
  return {
    rows: written,
    ofRows: total,
    seconds: round(seconds, 1),
    rowsPerSecond: Math.round(written / seconds),
    rssAt20PercentMiB: round((at20?.rss ?? 0) / MiB),
    rssAt100PercentMiB: round(at100.rss / MiB),
    heapUsedAt20PercentMiB: round((at20?.heapUsed ?? 0) / MiB),
    heapUsedAt100PercentMiB: round(at100.heapUsed / MiB),
    peakRssMiB: round(peakRss / MiB),
    fileMiB: round(statSync(file).size / MiB),
  };
}
