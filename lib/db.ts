import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client.ts';

export type Db = PrismaClient;
export { Prisma } from '../generated/prisma/client.ts';

/**
 * `connectTimeoutMs` bounds the wait for a pooled connection: without it a PostgreSQL that accepts
 * TCP but does not answer (or a pool exhausted by a hung server) holds a request forever.
 */
export function createPrisma(databaseUrl: string, options: { maxConnections?: number; connectTimeoutMs?: number } = {}): Db {
  const adapter = new PrismaPg({
    connectionString: databaseUrl,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
  });
  return new PrismaClient({ adapter });
}

/** True for Postgres unique-violation errors surfaced through Prisma or the pg driver. */
export function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const code = (error as { code?: unknown }).code;
  return code === 'P2002' || code === '23505';
}
