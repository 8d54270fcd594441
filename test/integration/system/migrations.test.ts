import { cpSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations, readMigrations } from '../../../lib/migrations.ts';
import { pendingSchemaChanges } from '../../../tools/schema-engine.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';

const root = path.join(import.meta.dirname, '..', '..', '..');
const migrationsDir = path.join(root, 'prisma', 'migrations');
const schemaPath = path.join(root, 'prisma', 'schema.prisma');

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase({ seed: false });
});
afterAll(() => db?.drop());

async function query<T extends pg.QueryResultRow>(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('the committed migrations', () => {
  it('match schema.prisma exactly (Prisma’s own schema engine finds nothing to add)', async () => {
    expect(await pendingSchemaChanges(schemaPath, migrationsDir, db.url)).toBe('');
  });

  it('are recorded in _prisma_migrations as Prisma records them', async () => {
    const files = await readMigrations(migrationsDir);
    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      db.url,
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(files.map((f) => f.name));
    expect(rows.map((r) => r.checksum)).toEqual(files.map((f) => f.checksum));
    expect(rows.every((r) => r.finished_at !== null && r.applied_steps_count === 1)).toBe(true);
  });
});

describe('the audit trail', () => {
  it('refuses to change or delete case events', async () => {
    const fresh = await createTestDatabase();
    try {
      const client = new pg.Client({ connectionString: fresh.url });
      await client.connect();
      try {
        await client.query(`INSERT INTO cases (id, workflow_id, idempotency_key, request_hash, filing_unit_id, filed_by_user_id, kind, urgent, title, description, category, location, found_on, tried_locally, help_needed, reporter_name, status, filed_at, updated_at)
          SELECT '22222222-2222-4222-8222-222222222222', 'wf', 'k', 'h', id, id, 'hard_problem', false, 't', 'd', 'c', 'l', '2026-01-01', 'x', 'y', 'r', 'awaiting_submission', now(), now() FROM org_units LIMIT 1`);
        await client.query(
          `INSERT INTO case_events (id, case_id, sequence, type, to_status, occurred_at) VALUES ('33333333-3333-4333-8333-333333333333', '22222222-2222-4222-8222-222222222222', 1, 'filed', 'awaiting_submission', now())`,
        );
        await expect(client.query(`UPDATE case_events SET comment = 'rewritten'`)).rejects.toThrow(/append-only: UPDATE refused/);
        await expect(client.query(`DELETE FROM case_events`)).rejects.toThrow(/append-only: DELETE refused/);
        expect((await client.query('SELECT count(*)::int AS n FROM case_events')).rows[0].n).toBe(1);
      } finally {
        await client.end();
      }
    } finally {
      await fresh.drop();
    }
  });
});

describe('the migration runner', () => {
  it('applies nothing twice', async () => {
    const result = await applyMigrations(db.url, migrationsDir);
    expect(result.applied).toEqual([]);
    expect(result.alreadyApplied.length).toBeGreaterThan(0);
  });

  it('applies a new migration, and refuses one that was edited after it was applied', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'migrations-'));
    cpSync(migrationsDir, dir, { recursive: true });
    mkdirSync(path.join(dir, '29991231000000_add_note'));
    writeFileSync(path.join(dir, '29991231000000_add_note', 'migration.sql'), 'ALTER TABLE "cases" ADD COLUMN "note" TEXT;');
    expect((await applyMigrations(db.url, dir)).applied).toEqual(['29991231000000_add_note']);
    expect(
      await query(db.url, `SELECT column_name FROM information_schema.columns WHERE table_name = 'cases' AND column_name = 'note'`),
    ).toHaveLength(1);

    writeFileSync(path.join(dir, '29991231000000_add_note', 'migration.sql'), 'ALTER TABLE "cases" ADD COLUMN "other" TEXT;');
    await expect(applyMigrations(db.url, dir)).rejects.toThrow(/was changed after it was applied/);
  });

  it('rolls a failing migration back whole, logs the attempt, and applies it once fixed', async () => {
    const fresh = await createTestDatabase({ seed: false });
    try {
      const dir = mkdtempSync(path.join(tmpdir(), 'migrations-'));
      cpSync(migrationsDir, dir, { recursive: true });
      const brokenDir = path.join(dir, '29991231000001_broken');
      mkdirSync(brokenDir);
      writeFileSync(path.join(brokenDir, 'migration.sql'), 'CREATE TABLE "half" (id int); SELECT * FROM "no_such_table";');
      await expect(applyMigrations(fresh.url, dir)).rejects.toThrow(/29991231000001_broken failed and was rolled back: .*no_such_table/);
      expect(await query(fresh.url, `SELECT 1 FROM information_schema.tables WHERE table_name = 'half'`)).toHaveLength(0);
      const attempts = await query<{ logs: string; rolled_back_at: Date | null }>(
        fresh.url,
        `SELECT logs, rolled_back_at FROM "_prisma_migrations" WHERE migration_name = '29991231000001_broken'`,
      );
      expect(attempts).toHaveLength(1);
      expect(attempts[0]?.logs).toContain('no_such_table');
      expect(attempts[0]?.rolled_back_at).not.toBeNull();

      writeFileSync(path.join(brokenDir, 'migration.sql'), 'CREATE TABLE "half" (id int);');
      expect((await applyMigrations(fresh.url, dir)).applied).toEqual(['29991231000001_broken']);
    } finally {
      await fresh.drop();
    }
  });
});
