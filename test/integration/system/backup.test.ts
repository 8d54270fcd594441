import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { inject } from 'vitest';
import { reconcile } from '../../../domain/cases/reconcile.ts';
import { createPrisma } from '../../../lib/db.ts';
import { fileAs, stepOk } from '../../support/case-steps.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

// `npm run backup` and `npm run restore` as an operator runs them, against this file's ledger
// database: the dump restored into a fresh database is the same ledger, and agrees with Temporal.
let sys: TestSystem;
let work: string;
const restoredName = `${inject('databasePrefix')}restored_${process.pid}`;

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename);
  work = mkdtempSync(path.join(tmpdir(), 'backup-'));
});
afterAll(async () => {
  await admin(`DROP DATABASE IF EXISTS "${restoredName}" WITH (FORCE)`);
  await sys?.stop();
  if (work) rmSync(work, { recursive: true, force: true });
});

const projectRoot = path.join(import.meta.dirname, '..', '..', '..');
const command = (script: string, args: string[], env: Record<string, string>) =>
  promisify(execFile)(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
    cwd: projectRoot,
    env: { ...process.env, LOG_LEVEL: 'silent', ...env },
  });

async function admin(sql: string) {
  const client = new pg.Client({ connectionString: inject('postgresUrl') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const ledgerOf = (prisma: TestSystem['db']['prisma']) =>
  Promise.all([
    prisma.case.findMany({ select: { id: true, number: true, status: true, dueAt: true, details: true }, orderBy: { number: 'asc' } }),
    prisma.caseEvent.findMany({ select: { caseId: true, sequence: true, type: true }, orderBy: [{ caseId: 'asc' }, { sequence: 'asc' }] }),
  ]);

describe('npm run backup, then npm run restore into a fresh PostgreSQL', () => {
  it('restores the same ledger and files, which agree with Temporal; refuses a database that has data', { timeout: 180_000 }, async () => {
    const east = await sys.login('east@ledger.test');
    const district = await sys.login('district@ledger.test');
    const regular = await fileAs(sys, east);
    await stepOk(sys, east, regular.id, 'submit');
    await fileAs(sys, east, { urgent: true, title: 'Burst water main' });
    const reviewed = await fileAs(sys, east, { title: 'Fallen tree' });
    await stepOk(sys, east, reviewed.id, 'submit');
    await stepOk(sys, district, reviewed.id, 'reject', { reason: 'Not a hard problem.' });

    const filesDir = path.join(work, 'files');
    mkdirSync(path.join(filesDir, 'attachments'), { recursive: true });
    writeFileSync(path.join(filesDir, 'attachments', 'photo.png'), 'a photo');
    const out = path.join(work, 'backup');
    const backup = await command('backup', ['--out', out], {
      DATABASE_URL: sys.db.url,
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      FILES_DIR: filesDir,
    });
    expect(backup.stdout).toContain('ledger.dump, files');
    expect(backup.stdout).toContain('keeps its own store');

    await admin(`CREATE DATABASE "${restoredName}"`);
    const restoredUrl = new URL(inject('postgresUrl'));
    restoredUrl.pathname = `/${restoredName}`;
    const restoredFiles = path.join(work, 'restored-files');
    const restore = await command('restore', [out], { DATABASE_URL: restoredUrl.toString(), FILES_DIR: restoredFiles });
    expect(restore.stdout).toContain('npm run reconcile');
    expect(readFileSync(path.join(restoredFiles, 'attachments', 'photo.png'), 'utf8')).toBe('a photo');

    const restored = createPrisma(restoredUrl.toString(), { maxConnections: 1 });
    try {
      const [cases, events] = await ledgerOf(restored);
      expect(cases.map((c) => c.status)).toEqual(['district_review', 'district_review', 'rejected']);
      expect([cases, events]).toEqual(await ledgerOf(sys.db.prisma));
      expect(await restored.user.count()).toBe(await sys.db.prisma.user.count());
      const report = await reconcile({ prisma: restored, temporal: sys.client }, { graceMs: 0 });
      expect(report).toMatchObject({ casesChecked: 3, problems: [] });
    } finally {
      await restored.$disconnect();
    }

    // A second restore would mix two ledgers: refused, and the restored one is untouched.
    await expect(command('restore', [out], { DATABASE_URL: restoredUrl.toString(), FILES_DIR: restoredFiles })).rejects.toThrow(
      /already has tables/,
    );
  });
});
