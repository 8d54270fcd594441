import { createWriteStream } from 'node:fs';
import { finished } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { annex3Parameters } from '../api/exports/exports.schemas.ts';
import { annex3SettingsOf, writeAnnex3 } from '../domain/exports/annex3-export.ts';
import { systemUser } from '../domain/auth/auth.ts';
import { operatorDatabaseUrl } from '../infra/embedded-postgres.ts';
import { loadConfig } from '../lib/config.ts';
import { createPrisma } from '../lib/db.ts';

// `npm run export:annex3 -- --out ledger.xlsx [--format xlsx|csv] [--lang zh|en] [--cycle 2026-H2] [--unit <id>]
//  [--district <id>] [--status closed,rejected] [--filedFrom YYYY-MM-DD] [--filedTo YYYY-MM-DD]`: the ledger as
// GET /exports/annex3 writes it for the same parameters, with operator access; progress on stderr.
const { values } = parseArgs({
  options: {
    out: { type: 'string' },
    format: { type: 'string', default: 'xlsx' },
    lang: { type: 'string' },
    cycle: { type: 'string' },
    unit: { type: 'string' },
    district: { type: 'string' },
    status: { type: 'string' },
    filedFrom: { type: 'string' },
    filedTo: { type: 'string' },
  },
});
const { out: outFile, ...query } = values;
const parsed = annex3Parameters.safeParse(query);
if (!outFile || !parsed.success) {
  const problems = parsed.error?.issues.map((i) => `--${i.path.join('.')}: ${i.message}`) ?? [];
  console.error(`export-annex3: ${[...(outFile ? [] : ['--out <file> is required']), ...problems].join('; ')}`);
  process.exit(2);
}

const config = loadConfig();
const prisma = createPrisma(operatorDatabaseUrl(config), { maxConnections: 1 });
try {
  const started = Date.now();
  const progress = (done: number, total: number) => {
    const share = total === 0 ? 1 : done / total;
    const bar = '#'.repeat(Math.round(share * 30)).padEnd(30, '.');
    const rate = Math.round(done / Math.max((Date.now() - started) / 1000, 0.001));
    process.stderr.write(`\r[${bar}] ${done}/${total} rows, ${rate} rows/s`);
  };
  const out = createWriteStream(outFile);
  const written = await writeAnnex3({ prisma, settings: annex3SettingsOf(config) }, systemUser('operator'), parsed.data, out, progress);
  out.end();
  await finished(out);
  process.stderr.write(`\nwrote ${written} rows to ${outFile} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
} finally {
  await prisma.$disconnect();
}
