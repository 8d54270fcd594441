import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import { z } from 'zod';
import type { Db } from '../lib/db.ts';
import { DomainError, notFound } from '../lib/errors.ts';
import type { BlobStorage } from '../lib/storage.ts';
import type { annex3ExportWorkflow } from '../workflows/export-workflow.ts';
import { TASK_QUEUE } from '../workflows/definitions.ts';
import { CASE_STATUSES } from '../model/lifecycle.ts';
import { annex3FileName, type Annex3Request, type Annex3Settings } from './annex3-export.ts';
import type { AuthenticatedUser } from './auth.ts';

type ExportJobDeps = { prisma: Db; temporal: Client; settings: Annex3Settings };

const workflowIdForExport = (jobId: string) => `export-${jobId}`;

/** Queues an export as a durable workflow; the caller polls its status and then downloads it. */
export async function createExportJob(deps: ExportJobDeps, user: AuthenticatedUser, request: Annex3Request) {
  const id = randomUUID();
  await deps.prisma.exportJob.create({
    data: { id, requestedByUserId: user.id, format: request.format, lang: request.lang, filter: request.filter },
  });
  await deps.temporal.workflow.start<typeof annex3ExportWorkflow>('annex3ExportWorkflow', {
    taskQueue: TASK_QUEUE,
    workflowId: workflowIdForExport(id),
    args: [{ jobId: id, settings: deps.settings }],
  });
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

/** A job is its requester's alone: anyone else gets a 404. */
export async function getExportJob(deps: Pick<ExportJobDeps, 'prisma'>, user: AuthenticatedUser, id: string) {
  const job = await deps.prisma.exportJob.findFirst({ where: { id, requestedByUserId: user.id } });
  if (!job) throw notFound('export job');
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
    download: job.status === 'completed' ? `/exports/jobs/${job.id}/file` : null,
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
  if (job.status !== 'completed' || !job.storageKey || !job.finishedAt)
    throw new DomainError('conflict', `the export is ${job.status}; download it once completed`);
  if (!request) throw new DomainError('internal', `export ${id} holds an unreadable request`);
  const stream = deps.storage.getStream(job.storageKey);
  if (!stream) throw new DomainError('internal', `export ${id} is missing from storage`);
  return { stream, format: request.format, fileName: annex3FileName(request, job.finishedAt, deps.settings.utcOffsetMinutes) };
}
