import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaClient } from '../generated/prisma/client.ts';

export type Db = PrismaClient;
import { Prisma } from '../generated/prisma/client.ts';
export { Prisma };

const pools = new WeakMap<Db, pg.Pool>();

/**
 * `connectTimeoutMs` bounds the wait for a pooled connection: without it a PostgreSQL that accepts
 * TCP but does not answer (or a pool exhausted by a hung server) holds a request forever.
 */
export function createPrisma(databaseUrl: string, options: { maxConnections?: number; connectTimeoutMs?: number } = {}): Db {
  const pool = new pg.Pool({
    connectionString: databaseUrl,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
  });
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool, { disposeExternalPool: true }) });
  pools.set(prisma, pool);
  return prisma;
}

/**
 * The pg pool under a client made by `createPrisma`, for bulk reads where Prisma's result mapping
 * costs more than the query (exports stream a million rows): same connections, same database.
 */
export function pgPoolOf(prisma: Db): pg.Pool {
  const pool = pools.get(prisma);
  if (!pool) throw new Error('this Prisma client was not made by createPrisma');
  return pool;
}

/**
 * Text to find as it is with Prisma's `contains` (and `equals` with `mode: 'insensitive'`), which
 * PostgreSQL runs as ILIKE: `%`, `_` and the escape character `\` itself would otherwise be wildcards.
 */
export const likeLiteral = (text: string) => text.replace(/[\\%_]/g, '\\$&');

/**
 * Why PostgreSQL (or Prisma, before sending it) refused a value for good, or undefined when the
 * error may pass on a retry. SQLSTATE class 22 (data exception: a date out of range, a bad
 * encoding) and class 23 (integrity) say the value itself is wrong, except a unique violation,
 * which a concurrent attempt of the same idempotent write also causes and a retry resolves.
 */
export function refusedValue(error: unknown): string | undefined {
  if (error instanceof Prisma.PrismaClientValidationError) return 'a value of the case cannot be stored';
  if (!(error instanceof Prisma.PrismaClientKnownRequestError)) return undefined;
  const cause = (error.meta?.driverAdapterError as { cause?: { originalCode?: unknown; originalMessage?: unknown } } | undefined)?.cause;
  const sqlState = typeof cause?.originalCode === 'string' ? cause.originalCode : undefined;
  if (!sqlState || !/^2[23]/.test(sqlState) || sqlState === '23505') return undefined;
  return typeof cause?.originalMessage === 'string' ? cause.originalMessage : `refused by the database (${sqlState})`;
}

/** True for Postgres unique-violation errors surfaced through Prisma or the pg driver. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === 'P2002' || code === '23505';
}
