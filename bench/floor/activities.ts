import type { Db } from '../../lib/db.ts';

export type FloorInput = { id: string; filing: Record<string, unknown> };

/** The floor's table: one row per filing, in the ledger's own PostgreSQL. */
export const FLOOR_TABLE_DDL =
  'CREATE TABLE IF NOT EXISTS bench_floor_rows (id uuid PRIMARY KEY, filing jsonb NOT NULL, written_at timestamptz NOT NULL DEFAULT now())';

export function createFloorActivities(prisma: Db) {
  return {
    /** One row, idempotent as the ledger projection is: a retried write changes nothing. */
    async writeFloorRow({ id, filing }: FloorInput): Promise<void> {
      await prisma.$executeRaw`INSERT INTO bench_floor_rows (id, filing) VALUES (${id}::uuid, ${JSON.stringify(filing)}::jsonb) ON CONFLICT (id) DO NOTHING`;
    },
  };
}

export type FloorActivities = ReturnType<typeof createFloorActivities>;
