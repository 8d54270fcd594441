import type { ExportJob } from '../../generated/prisma/client.ts';
import type { Db, Prisma } from '../../lib/db.ts';
import type { SameUnion } from '../../lib/type-checks.ts';
import {
  EXPORT_JOB_LIFECYCLE,
  EXPORT_JOB_TRANSITIONS,
  type ExportJobState,
  type ExportJobTransition,
} from '../../model/exports/export-job.ts';

// The table's states are the column's: one added on either side alone fails to compile.
const statesMatch: SameUnion<ExportJobState, ExportJob['status']> = true;
void statesMatch;

/** Whether the table lets the job take this transition from the state it is in. */
export const canMoveExportJob = (transition: ExportJobTransition, state: ExportJobState) =>
  (EXPORT_JOB_TRANSITIONS[transition].from as readonly ExportJobState[]).includes(state);

/**
 * Moves a job along one of the table's transitions, writing `data` with it: only from a state the
 * transition starts from, checked in the same statement, so a job that moved meanwhile (failed by
 * the starter, completed by an earlier attempt) is left as it is. True when the job moved.
 */
export async function moveExportJob(
  prisma: Db,
  jobId: string,
  transition: Exclude<ExportJobTransition, 'request' | 'download'>,
  data: Omit<Prisma.ExportJobUpdateManyMutationInput, 'status'> = {},
): Promise<boolean> {
  const { count } = await prisma.exportJob.updateMany({
    where: { id: jobId, status: { in: [...EXPORT_JOB_TRANSITIONS[transition].from] } },
    data: { ...data, status: EXPORT_JOB_LIFECYCLE.targetOf(transition, null) },
  });
  return count === 1;
}
