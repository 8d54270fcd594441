import { ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../../activities/index.ts';
import type { Annex3ExportInput } from '../../model/exports/export-settings.ts';
import type { ExportFailure } from '../../activities/exports/exports.ts';

const exporter = proxyActivities<Activities>({
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '1 minute',
  retry: {
    initialInterval: '10 seconds',
    backoffCoefficient: 2,
    maximumAttempts: 5,
    nonRetryableErrorTypes: ['InvalidInput', 'ExportRefused'],
  },
});
const bookkeeping = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', retry: { maximumInterval: '1 minute' } });

/** One long export, durable: a worker that dies mid-file is replaced and the file written again. */
export async function annex3ExportWorkflow(input: Annex3ExportInput): Promise<{ rows: number; bytes: number }> {
  try {
    return await exporter.runAnnex3Export(input);
  } catch (error) {
    const failure = failureOf(error);
    // The job records what its requester may read; the details go to the worker's log.
    await bookkeeping.markExportFailed({ jobId: input.jobId, failure });
    throw ApplicationFailure.nonRetryable(`export ${input.jobId} failed: ${failure.message}`, 'ExportFailed');
  }
}

function failureOf(error: unknown): ExportFailure {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return {
    type: cause instanceof ApplicationFailure ? (cause.type ?? null) : null,
    message: cause instanceof Error ? cause.message : String(cause),
  };
}
