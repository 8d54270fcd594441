import { ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities/index.ts';
import type { Annex3Settings } from '../domain/annex3-export.ts';

const exporter = proxyActivities<Activities>({
  startToCloseTimeout: '2 hours',
  heartbeatTimeout: '1 minute',
  retry: { initialInterval: '10 seconds', backoffCoefficient: 2, maximumAttempts: 5, nonRetryableErrorTypes: ['InvalidInput'] },
});
const bookkeeping = proxyActivities<Activities>({ startToCloseTimeout: '30 seconds', retry: { maximumInterval: '1 minute' } });

/** One long export, durable: a worker that dies mid-file is replaced and the file written again. */
export async function annex3ExportWorkflow(input: { jobId: string; settings: Annex3Settings }): Promise<{ rows: number; bytes: number }> {
  try {
    return await exporter.runAnnex3Export(input);
  } catch (error) {
    const message = error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    await bookkeeping.markExportFailed({ jobId: input.jobId, error: message });
    throw ApplicationFailure.nonRetryable(`export ${input.jobId} failed: ${message}`, 'ExportFailed');
  }
}
