import path from 'node:path';
import { parseArgs } from 'node:util';
import { restoreBackup } from '../infra/backup.ts';
import { loadConfig } from '../lib/config.ts';

// `npm run restore -- DIR`: a backup of `npm run backup` into a fresh, empty database at
// DATABASE_URL (or a fresh DATA_DIR for the embedded one), then says what to run next.
const config = loadConfig();
const { positionals } = parseArgs({ allowPositionals: true });
const from = positionals[0];
if (!from) throw new Error('usage: npm run restore -- <backup directory>');
for (const part of await restoreBackup(config, path.resolve(from))) console.log(`restored ${part}`);
console.log('next: start the system, then `npm run reconcile` (docs/operations.md#backups-and-restore)');
