import { ApplicationFailure, heartbeat, log } from '@temporalio/activity';
import { annex3Header, annex3Rows, annex3Where, type Annex3Filter, type Annex3Language } from '../domain/annex3.ts';
import type { HalfYearDeadlines } from '../lib/half-years.ts';
import { writeCsv, writeXlsx } from '../lib/tabular-writers.ts';
import type { ActivityDeps } from './index.ts';

export type ExportSettings = { timeZone: string; utcOffsetMinutes: number; deadlines: HalfYearDeadlines };
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
    async runAnnex3Export({ jobId, settings }: { jobId: string; settings: ExportSettings }) {
      const job = await prisma.exportJob.findUnique({ where: { id: jobId } });
      if (!job) throw ApplicationFailure.nonRetryable(`no export job ${jobId}`, 'InvalidInput');
      const user = await prisma.user.findUnique({ where: { id: job.requestedByUserId } });
      if (!user?.active) throw exportRefused('your account no longer has access to the ledger');
      const where = annex3Where(
        { id: user.id, email: user.email, displayName: user.displayName, role: user.role, orgUnitId: user.orgUnitId },
        job.filter as Annex3Filter,
        settings.utcOffsetMinutes,
        settings.deadlines,
      );
      const totalRows = await prisma.case.count({ where });
      await prisma.exportJob.update({ where: { id: jobId }, data: { status: 'running', totalRows, rowsWritten: 0 } });
      const lang = job.lang as Annex3Language;
      const storageKey = `exports/${jobId}.${job.format}`;
      // Progress writes go one after another, and all land before the final one below.
      let progressWrites = Promise.resolve();
      const progress = (rowsWritten: number) => {
        heartbeat(rowsWritten);
        progressWrites = progressWrites.then(() =>
          prisma.exportJob.update({ where: { id: jobId }, data: { rowsWritten } }).then(
            () => undefined,
            () => undefined,
          ),
        );
      };
      let rows = 0;
      const { bytes } = await storage.putStream(storageKey, async (out) => {
        const source = annex3Rows(prisma, where, lang, settings.timeZone);
        rows =
          job.format === 'xlsx'
            ? await writeXlsx(annex3Header(lang), source, out, lang === 'zh' ? '联动解决公益项目台账' : 'Linkage ledger', progress)
            : await writeCsv(annex3Header(lang), source, out, progress);
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
