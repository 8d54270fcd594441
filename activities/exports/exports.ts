import { ApplicationFailure, heartbeat, log } from '@temporalio/activity';
import { writeAnnex3 } from '../../domain/exports/annex3-export.ts';
import type { Annex3ExportInput } from '../../model/exports/export-settings.ts';
import { toAuthenticatedUser } from '../../domain/auth/auth.ts';
import { exportJobRequest } from '../../domain/exports/jobs.ts';
import { canMoveExportJob, moveExportJob } from '../../domain/exports/job-states.ts';
import type { ActivityDeps } from '../deps.ts';

/** Why an export's activity gave up, as the workflow saw it. `ExportRefused` messages are written for the requester. */
export type ExportFailure = { type: string | null; message: string };

const exportRefused = (message: string) => ApplicationFailure.nonRetryable(message, 'ExportRefused');
/** The job is no longer the workflow's to write (the starter gave it up meanwhile): writing it again cannot help. */
const jobMovedOn = (jobId: string, state: string) =>
  ApplicationFailure.nonRetryable(`export job ${jobId} is ${state}; its file is not written`, 'InvalidInput');

/** What the requester reads: a refusal as it was worded for them; anything else without its internals. */
export function userFacingExportError(jobId: string, failure: ExportFailure): string {
  if (failure.type === 'ExportRefused') return failure.message;
  return `the export could not be written; request it again, or quote job ${jobId} when reporting the problem`;
}

export function createExportActivities({ prisma, storage, clock }: ActivityDeps) {
  return {
    /**
     * Writes an export job's file to storage, in the requester's scope as it is when the job runs,
     * recording progress on the job row and heartbeating so a dead worker's attempt is retried.
     */
    async runAnnex3Export({ jobId, settings }: Annex3ExportInput) {
      const job = await prisma.exportJob.findUnique({ where: { id: jobId } });
      if (!job) throw ApplicationFailure.nonRetryable(`no export job ${jobId}`, 'InvalidInput');
      // An earlier attempt finished the file (its answer was lost): the job stands as it is.
      if (job.status === 'completed') return { rows: job.rowsWritten, bytes: job.bytes ?? 0 };
      if (!canMoveExportJob('writeRows', job.status)) throw jobMovedOn(jobId, job.status);
      const user = await prisma.user.findUnique({ where: { id: job.requestedByUserId } });
      if (!user?.active) throw exportRefused('your account no longer has access to the ledger');
      const request = exportJobRequest(job);
      if (!request) throw ApplicationFailure.nonRetryable(`export job ${jobId} holds an unreadable request`, 'InvalidInput');
      const storageKey = `exports/${jobId}.${job.format}`;
      // Progress writes go one after another, and all land before the final one below.
      let progressWrites = Promise.resolve();
      const progress = (rowsWritten: number, totalRows: number) => {
        heartbeat(rowsWritten);
        progressWrites = progressWrites.then(() =>
          moveExportJob(prisma, jobId, 'writeRows', { rowsWritten, totalRows }).then(
            () => undefined,
            () => undefined,
          ),
        );
      };
      let rows = 0;
      const { bytes } = await storage.putStream(storageKey, async (out) => {
        rows = await writeAnnex3({ prisma, settings }, toAuthenticatedUser(user), request, out, progress);
      });
      await progressWrites;
      if (!(await moveExportJob(prisma, jobId, 'complete', { rowsWritten: rows, storageKey, bytes, finishedAt: clock.now() }))) {
        // Completed by an attempt given up for dead that still finished, or failed by the starter meanwhile.
        const { status } = await prisma.exportJob.findUniqueOrThrow({ where: { id: jobId }, select: { status: true } });
        if (status !== 'completed') throw jobMovedOn(jobId, status);
      }
      return { rows, bytes };
    },

    async markExportFailed({ jobId, failure }: { jobId: string; failure: ExportFailure }) {
      log.error('export failed', { jobId, failureType: failure.type, failure: failure.message });
      // A job already completed or given up keeps what its requester was told.
      await moveExportJob(prisma, jobId, 'fail', { error: userFacingExportError(jobId, failure), finishedAt: clock.now() });
    },
  };
}
