import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import type { Db } from '../../lib/db.ts';
import { internalFault, notFound } from '../../lib/errors.ts';
import type { BlobStorage } from '../../lib/storage.ts';
import { CASE_STATUSES } from '../../model/cases/lifecycle.ts';
import { annex3FileName, type Annex3Request } from './annex3-export.ts';
import type { Annex3Settings } from '../../model/exports/export-settings.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { startExportWorkflow } from './starts.ts';
import { cursorMoment, decodeCursor, encodeCursor } from '../list-cursors.ts';
import { EXPORT_JOB_LIFECYCLE as EXPORT_JOB } from '../../model/exports/export-job.ts';
import { requireStep } from '../lifecycle-steps.ts';
import { requireRole } from '../cases/scope.ts';
import { recordPersonalDataAccess } from '../auth/access-log.ts';

type ExportJobDeps = { prisma: Db; temporal: Client; settings: Annex3Settings };

/** Queues an export as a durable workflow; the caller polls its status and then downloads it. */
export async function createExportJob(deps: ExportJobDeps, user: AuthenticatedUser, request: Annex3Request) {
  const id = randomUUID();
  requireRole(user, EXPORT_JOB.rolesFor('request'));
  await deps.prisma.exportJob.create({
    data: {
      id,
      requestedByUserId: user.id,
      format: request.format,
      lang: request.lang,
      filter: request.filter,
      status: EXPORT_JOB.targetOf('request', null),
    },
  });
  await recordPersonalDataAccess(deps.prisma, user, [{ kind: 'ledger_export', subjectId: id, detail: request }]);
  // Temporal unreachable: the job stays queued, durably, and the export starter starts it once it answers.
  await startExportWorkflow(deps, id);
  return getExportJob(deps, user, id);
}

const optionalText = z.string().optional();
/** The request as a job row keeps it (its filter is JSON). */
const storedRequest = z.object({
  format: z.enum(['csv', 'xlsx']),
  lang: z.enum(['zh', 'en']),
  filter: z.object({
    unitId: optionalText,
    districtId: optionalText,
    cycle: optionalText,
    status: z.array(z.enum(CASE_STATUSES)).optional(),
    filedFrom: optionalText,
    filedTo: optionalText,
  }),
});

/** The request a job row holds; undefined if the row cannot be read as one. */
export function exportJobRequest(job: { format: string; lang: string; filter: unknown }): Annex3Request | undefined {
  const parsed = storedRequest.safeParse(job);
  return parsed.success ? parsed.data : undefined;
}

type ExportJobRow = NonNullable<Awaited<ReturnType<Db['exportJob']['findFirst']>>>;

function toExportJobView(job: ExportJobRow, user: AuthenticatedUser) {
  // Scope is settled: the caller is the requester (nobody else reads the job).
  const allowedActions = EXPORT_JOB.allowedActions(job.status, user.role);
  return {
    id: job.id,
    status: job.status,
    format: job.format,
    lang: job.lang,
    filter: job.filter,
    rowsWritten: job.rowsWritten,
    totalRows: job.totalRows,
    percent: job.totalRows ? Math.min(100, Math.round((job.rowsWritten / job.totalRows) * 100)) : job.status === 'completed' ? 100 : 0,
    bytes: job.bytes,
    error: job.error,
    createdAt: job.createdAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
    download: allowedActions.includes('download') ? `/exports/jobs/${job.id}/file` : null,
    allowedActions,
  };
}

/** A job is its requester's alone: anyone else gets a 404. */
export async function getExportJob(deps: Pick<ExportJobDeps, 'prisma'>, user: AuthenticatedUser, id: string) {
  const job = await deps.prisma.exportJob.findFirst({ where: { id, requestedByUserId: user.id } });
  if (!job) throw notFound('export job');
  return toExportJobView(job, user);
}

const jobKey = z.strictObject({ createdAt: cursorMoment, id: z.uuid() });

/** The caller's own jobs, newest first, a page at a time (keyset on createdAt, id). */
export async function listExportJobs(prisma: Db, user: AuthenticatedUser, page: { limit: number; cursor?: string }) {
  const after = page.cursor ? decodeCursor(page.cursor, jobKey, 'query.cursor') : undefined;
  const createdAt = after && new Date(after.createdAt);
  const rows = await prisma.exportJob.findMany({
    where: {
      requestedByUserId: user.id,
      ...(after && createdAt ? { OR: [{ createdAt: { lt: createdAt } }, { createdAt, id: { lt: after.id } }] } : {}),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: page.limit + 1,
  });
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  return {
    items: items.map((job) => toExportJobView(job, user)),
    nextCursor:
      rows.length > page.limit && last
        ? encodeCursor({ createdAt: last.createdAt.toISOString(), id: last.id } satisfies z.input<typeof jobKey>)
        : null,
  };
}

/** A completed job's file, named as a direct download of the same request would have been when the job finished. */
export async function openExportFile(
  deps: { prisma: Db; storage: BlobStorage; settings: Annex3Settings },
  user: AuthenticatedUser,
  id: string,
) {
  const job = await deps.prisma.exportJob.findFirst({ where: { id, requestedByUserId: user.id } });
  if (!job) throw notFound('export job');
  const request = exportJobRequest(job);
  requireStep(EXPORT_JOB, 'download', job.status, user.role);
  if (!job.storageKey || !job.finishedAt) throw internalFault(`completed export ${id} names no file`);
  if (!request) throw internalFault(`export ${id} holds an unreadable request`);
  const stream = deps.storage.getStream(job.storageKey);
  if (!stream) throw internalFault(`export ${id} is missing from storage`);
  return { stream, format: request.format, fileName: annex3FileName(request, job.finishedAt, deps.settings.utcOffsetMinutes) };
}
