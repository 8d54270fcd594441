import path from 'node:path';
import { defineConfig } from 'prisma/config';

// The CLI is used only for `generate`; migrations are applied by scripts/migrate.ts.
export default defineConfig({
  schema: path.join('prisma', 'schema.prisma'),
  migrations: { path: path.join('prisma', 'migrations') },
});
