import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLedgerActivities } from '../../../activities/cases/ledger.ts';
import { systemUser } from '../../../domain/auth/auth.ts';
import { shipNationalHolidays } from '../../../domain/calendar/calendar.ts';
import { listCases } from '../../../domain/cases/case-queries.ts';
import { seedDemoData, seedId } from '../../../domain/directory/seed.ts';
import { caseStatistics } from '../../../domain/statistics/statistics.ts';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../../infra/embedded-postgres.ts';
import { freePort } from '../../../infra/free-port.ts';
import { systemClock } from '../../../lib/clock.ts';
import { loadConfig } from '../../../lib/config.ts';
import { createPrisma, type Db } from '../../../lib/db.ts';
import { applyMigrations } from '../../../lib/migrations.ts';
import { filing } from '../../support/fixtures.ts';

// Smoke suite for `npm start`'s default database: PGlite behind a socket, persisted in a directory.
const dataDir = mkdtempSync(path.join(tmpdir(), 'pglite-'));
const migrationsDir = path.join(import.meta.dirname, '..', '..', '..', 'prisma', 'migrations');
let embedded: EmbeddedPostgres;
let prisma: Db;

let port: number;
beforeAll(async () => {
  port = await freePort();
  embedded = await startEmbeddedPostgres(dataDir, port);
  await applyMigrations(embedded.url, migrationsDir);
  prisma = createPrisma(embedded.url, { maxConnections: 1 });
});
afterAll(async () => {
  await prisma?.$disconnect();
  await embedded?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('embedded PostgreSQL (PGlite)', () => {
  it('takes the same migrations, seed and ledger projection as PostgreSQL', async () => {
    expect((await seedDemoData(prisma, 'pw', 'en')).seeded).toBe(true);
    expect((await seedDemoData(prisma, 'pw', 'en')).seeded).toBe(false);
    expect(await shipNationalHolidays(prisma, 'en')).toEqual({ shipped: true });
    expect(await shipNationalHolidays(prisma, 'en')).toEqual({ shipped: false });
    expect(await prisma.calendarDay.count({ where: { version: 1, kind: 'workday' } })).toBe(11);
    const { projectCaseEvent } = createLedgerActivities({ prisma, clock: systemClock });
    const caseId = '11111111-1111-4111-8111-111111111111';
    const workflow = {
      caseId,
      filingUnitId: seedId('ST-EAST'),
      filedBy: { userId: seedId('user:east@ledger.test'), role: 'street_staff' as const, orgUnitId: seedId('ST-EAST') },
      idempotencyKey: 'pglite-key',
      requestHash: 'hash',
      filing: filing({ title: '幸福路路灯不亮', location: 'Elm Road 1-40' }) as never,
      policy: loadConfig({}).deadlines,
    };
    const state = {
      status: 'awaiting_submission' as const,
      responsibleLevel: 'street' as const,
      dueAt: null,
      overdue: false,
      calendarVersion: null,
      filing: workflow.filing,
      details: {},
    };
    const event = {
      sequence: 1,
      type: 'filed' as const,
      actor: workflow.filedBy,
      fromStatus: null,
      toStatus: 'awaiting_submission' as const,
      comment: null,
      occurredAt: new Date().toISOString(),
      state,
    };
    await projectCaseEvent({ workflow, event });
    await projectCaseEvent({ workflow, event });
    expect(await prisma.case.count()).toBe(1);
    expect(await prisma.caseEvent.count({ where: { caseId } })).toBe(1);
  });

  it('searches through the gram index and computes statistics in SQL', async () => {
    const admin = systemUser('pglite-test');
    const found = async (q: string) => (await listCases(prisma, admin, { q, limit: 10 }, 480)).items.map((c) => c.title);
    expect(await found('路灯')).toEqual(['幸福路路灯不亮']);
    expect(await found('ELM ROAD')).toEqual(['幸福路路灯不亮']);
    expect(await found('路_')).toEqual([]);
    const statistics = await caseStatistics(prisma, admin, {}, 480);
    expect(statistics.total).toMatchObject({ filed: 1, open: 1, resolutionWorkingDays: { resolved: 0, median: null, p90: null } });
    expect(statistics.repeatedProblems).toEqual({ total: 0, items: [], nextCursor: null });
  });

  it('keeps its data across a restart and does not re-apply migrations', async () => {
    await prisma.$disconnect();
    await embedded.close();
    embedded = await startEmbeddedPostgres(dataDir, port);
    const again = await applyMigrations(embedded.url, migrationsDir);
    expect(again.applied).toEqual([]);
    prisma = createPrisma(embedded.url, { maxConnections: 1 });
    expect(await prisma.case.count()).toBe(1);
    expect(await prisma.orgUnit.count()).toBeGreaterThan(5);
  });
});
