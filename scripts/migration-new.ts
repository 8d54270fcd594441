import path from 'node:path';
import { freePort } from '../infra/free-port.ts';
import { createMigratedDatabase, startLocalPostgres } from '../infra/postgres.ts';
import { loadConfig } from '../lib/config.ts';
import { createMigration } from '../tools/schema-engine.ts';

// Usage: npm run migration:new -- <name>. Like `prisma migrate dev --create-only`: applies the
// committed migrations to a scratch database (on a local PostgreSQL cluster, or on the server of
// DATABASE_URL, which needs CREATEDB), diffs it against schema.prisma and writes the next migration.
const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error('usage: npm run migration:new -- <name_in_snake_case>');
  process.exit(2);
}
const config = loadConfig();
const migrationsDir = path.join(config.projectRoot, 'prisma', 'migrations');
const local = config.database.url ? undefined : startLocalPostgres(path.join(config.cacheDir, 'postgres-dev-tools'), await freePort());
const adminUrl = config.database.url ?? local!.url;
const scratch = await createMigratedDatabase(adminUrl, `migration_scratch_${Date.now()}`, migrationsDir);
try {
  const created = await createMigration(path.join(config.projectRoot, 'prisma', 'schema.prisma'), migrationsDir, scratch.url, name);
  console.log(created ? `wrote prisma/migrations/${created.name}/migration.sql` : 'schema.prisma matches the migrations; nothing to write');
} finally {
  await scratch.drop();
  local?.stop();
}
