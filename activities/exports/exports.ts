import { ApplicationFailure, heartbeat, log } from '@temporalio/activity';
import { writeAnnex3, type Annex3Settings } from '../../domain/exports/annex3-export.ts';
import { toAuthenticatedUser } from '../../domain/auth/auth.ts';
import { exportJobRequest } from '../../domain/exports/jobs.ts';
import type { ActivityDeps } from '../deps.ts';

/** Why an export's activity gave up, as the workflow saw it. `ExportRefused` messages are written for the requester. */
export type ExportFailure = { type: string | null; message: string };

const exportRefused = (message: string) => ApplicationFailure.nonRetryable(message, 'ExportRefused');

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
    async runAnnex3Export({ jobId, settings }: { jobId: string; settings: Annex3Settings }) {
      const job = await prisma.exportJob.findUnique({ where: { id: jobId } });
      if (!job) throw ApplicationFailure.nonRetryable(`no export job ${jobId}`, 'InvalidInput');
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
          prisma.exportJob.update({ where: { id: jobId }, data: { status: 'running', rowsWritten, totalRows } }).then(
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
      await prisma.exportJob.update({
        where: { id: jobId },
        data: { status: 'completed', rowsWritten: rows, storageKey, bytes, finishedAt: clock.now() },
      });
      return { rows, bytes };
    },

    async markExportFailed({ jobId, failure }: { jobId: string; failure: ExportFailure }) {
      log.error('export failed', { jobId, failureType: failure.type, failure: failure.message });
      await prisma.exportJob.update({
        where: { id: jobId },
        data: { status: 'failed', error: userFacingExportError(jobId, failure), finishedAt: clock.now() },
      });
    },
  };
}
