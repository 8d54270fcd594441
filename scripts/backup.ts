import path from 'node:path';
import { parseArgs } from 'node:util';
import { takeBackup } from '../infra/backup.ts';
import { systemClock } from '../lib/clock.ts';
import { loadConfig } from '../lib/config.ts';

// `npm run backup [-- --out DIR]`: the ledger database (pg_dump, custom format), the files and, where
// it is ours and stopped, the Temporal dev server's store, into a new directory
// (default backups/<time>). See docs/operations.md#backups-and-restore.
const config = loadConfig();
const { values } = parseArgs({ options: { out: { type: 'string' } } });
const now = systemClock.now();
const out = path.resolve(values.out ?? path.join(config.projectRoot, 'backups', now.toISOString().replace(/[:.]/g, '-')));
const manifest = await takeBackup(config, out, now);
console.log(`backup in ${out}: ${manifest.parts.join(', ')}`);
for (const note of manifest.notes) console.log(`note: ${note}`);
