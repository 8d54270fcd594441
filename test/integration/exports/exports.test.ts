import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ANNEX3_COLUMNS } from '../../../domain/exports/annex3.ts';
import { annex3SettingsOf, annex3SheetName } from '../../../domain/exports/annex3-export.ts';
import { seedId } from '../../../domain/directory/seed.ts';
import { loadConfig } from '../../../lib/config.ts';
import { TASK_QUEUE } from '../../../workflows/definitions.ts';
import { fileAs, stepOk } from '../../support/case-steps.ts';
import { binary, readCsv, readXlsx } from '../../support/spreadsheets.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

let sys: TestSystem;
let east: string, district: string, city: string;
const numbers: Record<string, number> = {};

const download = (token: string, query: Record<string, string>) =>
  sys.http
    .get('/exports/annex3')
    .query(query)
    .set('Authorization', token)
    .buffer(true)
    .parse(binary as never);

/** Queues an export job, waits for it and downloads its file. */
async function exportByJob(token: string, body: Record<string, string>) {
  const queued = await sys.http.post('/exports/jobs').set('Authorization', token).send(body);
  expect(queued.status).toBe(202);
  expect(queued.headers.location).toBe(`/exports/jobs/${queued.body.id}`);
  expect(['queued', 'running', 'completed']).toContain(queued.body.status);
  await expect
    .poll(async () => (await sys.http.get(`/exports/jobs/${queued.body.id}`).set('Authorization', token)).body.status, {
      timeout: 30_000,
    })
    .toBe('completed');
  const job = (await sys.http.get(`/exports/jobs/${queued.body.id}`).set('Authorization', token)).body;
  const file = await sys.http
    .get(job.download)
    .set('Authorization', token)
    .buffer(true)
    .parse(binary as never);
  expect(file.status).toBe(200);
  return { job, file };
}

/** `npm run export:annex3` against this file's database; the file it wrote. */
async function exportByCommand(args: Record<string, string>) {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'annex3-')), `ledger.${args.format}`);
  const flags = Object.entries(args).flatMap(([name, value]) => [`--${name}`, value]);
  await promisify(execFile)(process.execPath, ['--import', 'tsx', 'scripts/export-annex3.ts', '--out', out, ...flags], {
    cwd: path.join(import.meta.dirname, '..', '..', '..'),
    env: { ...process.env, DATABASE_URL: sys.db.url, LOG_LEVEL: 'silent' },
  });
  return readFileSync(out);
}

async function sheetName(body: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(body as unknown as ArrayBuffer);
  return workbook.worksheets[0]!.name;
}

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename);
  east = await sys.login('east@ledger.test');
  district = await sys.login('district@ledger.test');
  city = await sys.login('city@ledger.test');
  const open = await fileAs(sys, east, { title: 'Export: waiting in the ledger' });
  const resolved = await fileAs(sys, east, {
    urgent: true,
    title: 'Export: resolved, "quoted", with, commas',
    coordinates: { latitude: 31.2304, longitude: 121.4737 },
  });
  await stepOk(sys, district, resolved.id, 'forward', { summary: 'Needs the city.' });
  await stepOk(sys, city, resolved.id, 'assign', { coordinatingBody: 'Water Bureau' });
  await stepOk(sys, city, resolved.id, 'resolve', { resolution: 'Pump installed.\nSecond line.' });
  await stepOk(sys, east, resolved.id, 'feedback', { satisfied: true });
  const formula = await fileAs(sys, await sys.login('west@ledger.test'), { title: '=HYPERLINK("http://evil")' });
  Object.assign(numbers, { open: open.number, resolved: resolved.number, formula: formula.number });
});
afterEach(() => sys.assertReconciled());
afterAll(() => sys?.stop());

/** The exact name a browser saves a download under: RFC 5987's `filename*`, decoded. */
const downloadedName = (disposition: string | undefined) =>
  decodeURIComponent(/filename\*=UTF-8''(.+)$/.exec(disposition ?? '')?.[1] ?? '');

describe('Annex 3 export', () => {
  it('writes CSV with Chinese headers that reads back to the ledger, one row per visible case', async () => {
    const res = await download(district, { format: 'csv', lang: 'zh' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(downloadedName(res.headers['content-disposition'])).toMatch(/^联动解决公益项目台账-\d{4}-\d{2}-\d{2}\.csv$/);
    const [header, ...rows] = await readCsv(res.body as Buffer);
    expect(header).toEqual(ANNEX3_COLUMNS.map((c) => c.zh));
    expect(rows).toHaveLength(await sys.db.prisma.case.count());
    const resolved = rows.find((r) => r[0] === String(numbers.resolved))!;
    const column = (zh: string) => ANNEX3_COLUMNS.findIndex((c) => c.zh === zh);
    expect(resolved[column('项目或问题名称')]).toBe('Export: resolved, "quoted", with, commas');
    expect(resolved[column('当前状态')]).toBe('已办结');
    expect(resolved[column('市级协调单位')]).toBe('Water Bureau');
    expect(resolved[column('办理结果')]).toBe('Pump installed.\nSecond line.');
    expect(resolved[column('反馈意见')]).toBe('满意');
    expect(resolved[column('是否紧急')]).toBe('是');
    expect(resolved[column('坐标（纬度/经度）')]).toBe('31.2304, 121.4737');
    // The reader leaves an empty cell out.
    expect(rows.find((r) => r[0] === String(numbers.open))![column('坐标（纬度/经度）')] ?? '').toBe('');
    // Times are in the district's zone (UTC+8), not UTC.
    const row = await sys.db.prisma.case.findFirstOrThrow({ where: { number: numbers.resolved } });
    const local = new Date(row.filedAt.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
    expect(resolved[column('填报时间')]).toBe(local);
  });

  it('neutralises text a spreadsheet would run as a formula', async () => {
    const res = await download(district, { format: 'csv', lang: 'en' });
    const rows = await readCsv(res.body as Buffer);
    const formula = rows.find((r) => r[0] === String(numbers.formula))!;
    expect(formula[ANNEX3_COLUMNS.findIndex((c) => c.en === 'Project or problem')]).toBe(`'=HYPERLINK("http://evil")`);
  });

  it('writes XLSX with English headers that reads back the same, and filters by unit and status', async () => {
    const res = await download(district, {
      format: 'xlsx',
      lang: 'en',
      unit: (await sys.db.prisma.orgUnit.findUniqueOrThrow({ where: { code: 'ST-EAST' } })).id,
    });
    expect(res.status).toBe(200);
    const [header, ...rows] = await readXlsx(res.body as Buffer);
    expect(header).toEqual(ANNEX3_COLUMNS.map((c) => c.en));
    expect(rows.map((r) => Number(r[0])).sort()).toEqual([numbers.open, numbers.resolved].sort());
    expect(rows.find((r) => Number(r[0]) === numbers.open)![ANNEX3_COLUMNS.findIndex((c) => c.en === 'Status')]).toBe(
      'Awaiting submission',
    );

    const closedOnly = await readCsv((await download(district, { format: 'csv', lang: 'en', status: 'closed' })).body as Buffer);
    expect(closedOnly.slice(1).map((r) => Number(r[0]))).toEqual([numbers.resolved]);
  });

  it('exports only what the caller may see, by cycle, and refuses bad parameters', async () => {
    const eastRows = (await readCsv((await download(east, { format: 'csv' })).body as Buffer)).slice(1);
    expect(eastRows.map((r) => Number(r[0])).sort()).toEqual([numbers.open, numbers.resolved].sort());
    const cityRows = (await readCsv((await download(city, { format: 'csv' })).body as Buffer)).slice(1);
    expect(cityRows.map((r) => Number(r[0]))).toEqual([numbers.resolved]);
    const past = (await readCsv((await download(district, { format: 'csv', cycle: '2020-H1' })).body as Buffer)).slice(1);
    expect(past).toEqual([]);
    const bad = await sys.http.get('/exports/annex3').query({ format: 'pdf', cycle: '2026-H3' }).set('Authorization', district);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['query.cycle', 'query.format']);
  });

  it('runs a long export as a durable job with progress, downloadable by its requester only', async () => {
    const { job: done, file } = await exportByJob(district, { format: 'xlsx', lang: 'zh' });
    const total = await sys.db.prisma.case.count();
    expect(done).toMatchObject({
      rowsWritten: total,
      totalRows: total,
      percent: 100,
      download: `/exports/jobs/${done.id}/file`,
      allowedActions: ['download'],
    });
    expect(downloadedName(file.headers['content-disposition'])).toMatch(/^联动解决公益项目台账-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const [header, ...rows] = await readXlsx(file.body as Buffer);
    expect(header).toEqual(ANNEX3_COLUMNS.map((c) => c.zh));
    expect(rows).toHaveLength(total);

    expect((await sys.http.get(`/exports/jobs/${done.id}`).set('Authorization', east)).status).toBe(404);
    expect((await sys.http.get(done.download).set('Authorization', east)).status).toBe(404);
    const bad = await sys.http.post('/exports/jobs').set('Authorization', district).send({ format: 'pdf' });
    expect(bad.status).toBe(400);
  });

  it('lists the caller’s own jobs, newest first, a page at a time, with their progress', async () => {
    const west = await sys.login('west@ledger.test');
    const ids: string[] = [];
    for (const format of ['csv', 'xlsx', 'csv']) {
      const queued = await sys.http.post('/exports/jobs').set('Authorization', west).send({ format, lang: 'en' });
      expect(queued.status).toBe(202);
      ids.unshift(queued.body.id);
    }
    const list = async (token: string, query: Record<string, string | number> = {}) => {
      const res = await sys.http.get('/exports/jobs').query(query).set('Authorization', token);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      return res.body as { items: Array<{ id: string; status: string; percent: number; format: string }>; nextCursor: string | null };
    };
    const first = await list(west, { limit: 2 });
    const second = await list(west, { limit: 2, cursor: first.nextCursor! });
    expect([...first.items, ...second.items].map((j) => j.id)).toEqual(ids);
    expect(second.nextCursor).toBeNull();
    expect(first.items.map((j) => j.format)).toEqual(['csv', 'xlsx']);
    await expect
      .poll(async () => (await list(west)).items.map((j) => `${j.status} ${j.percent}`), { timeout: 30_000 })
      .toEqual(Array(3).fill('completed 100'));

    // Nobody else sees them: not in their list, and by id a 404.
    expect((await list(east)).items.map((j) => j.id)).not.toContain(ids[0]);
    expect((await list(district)).items.map((j) => j.id)).not.toContain(ids[0]);
    expect((await sys.http.get(`/exports/jobs/${ids[0]}`).set('Authorization', district)).status).toBe(404);
    const bad = await sys.http.get('/exports/jobs').query({ limit: 51, cursor: 'nonsense' }).set('Authorization', west);
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['query.limit']);
    const badCursor = await sys.http.get('/exports/jobs').query({ cursor: 'nonsense' }).set('Authorization', west);
    expect(badCursor.body.error.fields.map((f: { path: string }) => f.path)).toEqual(['query.cursor']);
  });

  it('writes the same file for the same request by download, export job and command', async () => {
    const admin = await sys.login('admin@ledger.test');
    const csv = { format: 'csv', lang: 'en', status: 'closed,awaiting_submission' };
    const downloaded = (await download(admin, csv)).body as Buffer;
    expect((await readCsv(downloaded)).slice(1).map((r) => Number(r[0]))).toEqual([numbers.open, numbers.resolved, numbers.formula]);
    expect((await exportByJob(admin, csv)).file.body).toEqual(downloaded);
    expect(await exportByCommand(csv)).toEqual(downloaded);

    // A zip's bytes carry the time it was written; what must agree is the sheet, its name and its cells.
    const xlsx = { format: 'xlsx', lang: 'zh', status: 'closed' };
    const files = [
      (await download(admin, xlsx)).body as Buffer,
      (await exportByJob(admin, xlsx)).file.body as Buffer,
      await exportByCommand(xlsx),
    ];
    expect(await Promise.all(files.map(sheetName))).toEqual(Array(3).fill(annex3SheetName('zh')));
    const [direct, ...others] = await Promise.all(files.map(readXlsx));
    expect(direct!.slice(1).map((r) => Number(r[0]))).toEqual([numbers.resolved]);
    expect(others).toEqual([direct, direct]);

    const named = await download(admin, { format: 'csv', cycle: '2020-H1' });
    expect(downloadedName(named.headers['content-disposition'])).toBe('联动解决公益项目台账-2020年上半年.csv');
    const english = await download(admin, { format: 'csv', cycle: '2020-H1', lang: 'en' });
    expect(english.headers['content-disposition']).toBe(
      'attachment; filename="linkage-ledger-2020-H1.csv"; filename*=UTF-8\'\'linkage-ledger-2020-H1.csv',
    );
  });
});

describe('an export job’s states, from its table', () => {
  const settings = () => annex3SettingsOf(loadConfig({ LOG_LEVEL: 'silent' }));
  /** A job row of the district officer's in a given state, as the API, the workflow or the starter left it. */
  async function jobIn(status: 'queued' | 'running' | 'completed' | 'failed', extra: Record<string, unknown> = {}) {
    const id = randomUUID();
    await sys.db.prisma.exportJob.create({
      data: { id, requestedByUserId: seedId('user:district@ledger.test'), format: 'csv', lang: 'en', filter: {}, status, ...extra },
    });
    return id;
  }

  it('offers the download only once completed, and refuses it before with the table’s reason', async () => {
    for (const status of ['queued', 'running', 'failed'] as const) {
      const id = await jobIn(status, status === 'failed' ? { error: 'request it again', finishedAt: new Date() } : {});
      const job = (await sys.http.get(`/exports/jobs/${id}`).set('Authorization', district)).body;
      expect({ status: job.status, allowedActions: job.allowedActions, download: job.download }).toEqual({
        status,
        allowedActions: [],
        download: null,
      });
      const file = await sys.http.get(`/exports/jobs/${id}/file`).set('Authorization', district);
      expect({ status: file.status, code: file.body.error.code }).toEqual({ status: 409, code: 'invalid_transition' });
      expect(file.body.error.params).toMatchObject({ action: 'download', allowedFrom: ['completed'] });
    }
  });

  it('never moves a job out of a final state: a given-up job keeps its reason when its workflow runs after all', async () => {
    const error = 'the export could not be started: the workflow service was unreachable for 60 minutes; request it again';
    const id = await jobIn('failed', { error, finishedAt: new Date() });
    const handle = await sys.client.workflow.start('annex3ExportWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: `export-${id}`,
      args: [{ jobId: id, settings: settings() }],
    });
    await expect(handle.result()).rejects.toThrow();
    expect(await sys.db.prisma.exportJob.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'failed', error, storageKey: null });
  });
});
