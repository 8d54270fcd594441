import { createWriteStream } from 'node:fs';
import { parseArgs } from 'node:util';
import { annex3Header, annex3Rows, annex3Where, type Annex3Language } from '../domain/annex3.ts';
import { operatorDatabaseUrl } from '../infra/embedded-postgres.ts';
import { systemUser } from '../domain/auth.ts';
import { loadConfig } from '../lib/config.ts';
import { createPrisma } from '../lib/db.ts';
import { writeCsv, writeXlsx } from '../lib/tabular-writers.ts';

// `npm run export:annex3 -- --out ledger.xlsx [--format xlsx|csv] [--lang zh|en] [--cycle 2026-H2]
//  [--unit <id>] [--district <id>]`: the whole linkage ledger (operator access), with progress on stderr.
const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    format: { type: 'string', default: 'xlsx' },
    lang: { type: 'string', default: 'zh' },
    cycle: { type: 'string' },
    unit: { type: 'string' },
    district: { type: 'string' },
  },
});
const fail = (message: string) => {
  console.error(`export-annex3: ${message}`);
  process.exit(2);
};
if (!values.out) fail('--out <file> is required');
if (values.format !== 'csv' && values.format !== 'xlsx') fail('--format is csv or xlsx');
if (values.lang !== 'zh' && values.lang !== 'en') fail('--lang is zh or en');

const config = loadConfig();
const databaseUrl = operatorDatabaseUrl(config);
const prisma = createPrisma(databaseUrl, { maxConnections: 1 });
const operator = systemUser('operator');
try {
  const where = annex3Where(
    operator,
    { cycle: values.cycle, unitId: values.unit, districtId: values.district },
    config.deadlines.utcOffsetMinutes,
    config.cycles.deadlines,
  );
  const total = await prisma.case.count({ where });
  const lang = values.lang as Annex3Language;
  const started = Date.now();
  const progress = (done: number) => {
    const share = total === 0 ? 1 : done / total;
    const bar = '#'.repeat(Math.round(share * 30)).padEnd(30, '.');
    const rate = Math.round(done / Math.max((Date.now() - started) / 1000, 0.001));
    process.stderr.write(`\r[${bar}] ${done}/${total} rows, ${rate} rows/s`);
  };
  const out = createWriteStream(values.out!);
  const rows = annex3Rows(prisma, where, lang, config.timeZone);
  const header = annex3Header(lang);
  const written =
    values.format === 'csv' ? await writeCsv(header, rows, out, progress) : await writeXlsx(header, rows, out, 'Annex 3', progress);
  out.end();
  await new Promise<void>((resolve) => out.once('close', () => resolve()));
  process.stderr.write(`\nwrote ${written} rows to ${values.out} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
} finally {
  await prisma.$disconnect();
}
