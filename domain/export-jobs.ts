import { randomUUID } from 'node:crypto';
import type { Client } from '@temporalio/client';
import type { ExportSettings } from '../activities/exports.ts';
import type { Db } from '../lib/db.ts';
import { DomainError, notFound } from '../lib/errors.ts';
import type { BlobStorage } from '../lib/storage.ts';
import type { Annex3Filter } from './annex3.ts';
import type { AuthenticatedUser } from './auth.ts';
import { startExportWorkflow } from './export-starts.ts';

type ExportJobDeps = { prisma: Db; temporal: Client; storage: BlobStorage; settings: ExportSettings };

/** Queues an export as a durable workflow; the caller polls its status and then downloads it. */
export async function createExportJob(
  deps: ExportJobDeps,
  user: AuthenticatedUser,
  request: { format: 'csv' | 'xlsx'; lang: 'zh' | 'en'; filter: Annex3Filter },
) {
  const id = randomUUID();
  await deps.prisma.exportJob.create({
    data: { id, requestedByUserId: user.id, format: request.format, lang: request.lang, filter: request.filter },
  });
  // Temporal unreachable: the job stays queued, durably, and the export starter starts it once it answers.
  await startExportWorkflow(deps, id);
  return getExportJob(deps, user, id);
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

export async function openExportFile(deps: Pick<ExportJobDeps, 'prisma' | 'storage'>, user: AuthenticatedUser, id: string) {
  const job = await deps.prisma.exportJob.findFirst({ where: { id, requestedByUserId: user.id } });
  if (!job) throw notFound('export job');
  if (job.status !== 'completed' || !job.storageKey)
    throw new DomainError('conflict', `the export is ${job.status}; download it once completed`);
  const stream = deps.storage.getStream(job.storageKey);
  if (!stream) throw new DomainError('internal', `export ${id} is missing from storage`);
  return { stream, format: job.format as 'csv' | 'xlsx', fileName: `linkage-ledger-${id}.${job.format}` };
}
