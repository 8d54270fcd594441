import { readFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';

const BACKFILL = path.join(
  import.meta.dirname,
  '..',
  '..',
  'prisma',
  'migrations',
  '20261125232400_ledger_at_scale_backfill',
  'migration.sql',
);

/**
 * The columns the projection keeps for reads at scale, as the projection wrote them and as the
 * backfill migration computes them from the same cases' rows and events (in a transaction rolled
 * back afterwards): the two must agree.
 */
export async function projectedAndBackfilled(databaseUrl: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const snapshot = async () => ({
    cases: (
      await client.query<{ id: string; forwarded: boolean; grams: string[] }>(
        'SELECT id, forwarded_to_municipal AS forwarded, ARRAY(SELECT g FROM unnest(search_grams) g ORDER BY g) AS grams FROM cases ORDER BY id',
      )
    ).rows,
    facts: (await client.query('SELECT * FROM case_facts ORDER BY case_id')).rows,
  });
  try {
    await client.query('BEGIN');
    const projected = await snapshot();
    await client.query(`DELETE FROM case_facts; UPDATE cases SET forwarded_to_municipal = false, search_grams = '{}'`);
    await client.query(readFileSync(BACKFILL, 'utf8'));
    const backfilled = await snapshot();
    return { projected, backfilled };
  } finally {
    await client.query('ROLLBACK');
    await client.end();
  }
}
