import path from 'node:path';
import { loadConfig } from '../lib/config.ts';
import { createMigration } from '../lib/schema-engine.ts';
import { startLocalPostgres } from '../infra/postgres.ts';

// Usage: npm run migration:new -- <name>. Diffs prisma/migrations against schema.prisma in a
// scratch database (a local PostgreSQL cluster unless DATABASE_URL is given) and writes the next one.
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run migration:new -- <name_in_snake_case>');
  process.exit(2);
}
const config = loadConfig();
const local = config.database.url ? undefined : startLocalPostgres(path.join(config.cacheDir, 'postgres-dev-tools'), 55431);
const url = config.database.url ?? local!.url;
try {
  const created = await createMigration(
    path.join(config.projectRoot, 'prisma', 'schema.prisma'),
    path.join(config.projectRoot, 'prisma', 'migrations'),
    url,
    name,
  );
  console.log(created ? `wrote prisma/migrations/${created.name}/migration.sql` : 'schema.prisma matches the migrations; nothing to write');
} finally {
  local?.stop();
}
