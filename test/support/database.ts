import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { createPrisma, type Db } from '../../lib/db.ts';
import { seedDemoData } from '../../domain/directory/seed.ts';

export const DEMO_PASSWORD = 'test-password';

export type TestDatabase = { url: string; prisma: Db; drop(): Promise<void> };

/** A fresh database for one test file, cloned from the migrated template (milliseconds, not a migration run). */
export async function createTestDatabase(options: { seed?: boolean } = { seed: true }): Promise<TestDatabase> {
  const adminUrl = inject('postgresUrl');
  const name = `${inject('databasePrefix')}${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${inject('templateDatabase')}"`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const prisma = createPrisma(url.toString());
  if (options.seed !== false) await seedDemoData(prisma, DEMO_PASSWORD, 'en');
  return {
    url: url.toString(),
    prisma,
    drop: async () => {
      await prisma.$disconnect();
      await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
  };
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}
