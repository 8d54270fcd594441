import { WorkflowFailedError, WorkflowNotFoundError, type Client, type WorkflowExecutionInfo } from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import type { Db } from '../../lib/db.ts';
import { isFinalStatus, type CaseStatus } from '../../model/cases/lifecycle.ts';
import { LEDGER_REFUSED_FAILURE, caseSnapshotQuery } from '../../workflows/definitions.ts';

type ReconcileProblem =
  | { kind: 'row_without_workflow'; caseId: string; workflowId: string }
  | { kind: 'workflow_without_row'; workflowId: string; startedAt: string }
  | { kind: 'status_mismatch'; caseId: string; ledger: string; workflow: string };

type ReconcileReport = { casesChecked: number; workflowsChecked: number; problems: ReconcileProblem[] };

/**
 * Compares the ledger with Temporal: every case row must have its workflow, every case workflow its
 * row, and a running workflow whose events are all projected must agree with its row's status.
 * Workflows younger than `graceMs` may still be writing their first row and are not counted; a
 * workflow that ended because the ledger refused its filing has no row by design.
 */
export async function reconcile(
  deps: { prisma: Db; temporal: Client },
  options: {
    graceMs?: number;
    onProgress?: (checked: number) => void;
    /** Start from the ledger rows only: for servers without workflow listing (the time-skipping test server). */
    rowsOnly?: boolean;
  } = {},
): Promise<ReconcileReport> {
  const graceMs = options.graceMs ?? 60_000;
  const rows = new Map(
    (await deps.prisma.case.findMany({ select: { id: true, workflowId: true, status: true } })).map((r) => [r.workflowId, r]),
  );
  if (options.rowsOnly) return reconcileFromRows(deps.prisma, deps.temporal, [...rows.values()]);
  const problems: ReconcileProblem[] = [];
  const seen = new Set<string>();
  let workflowsChecked = 0;
  for await (const wf of deps.temporal.workflow.list({ query: 'WorkflowType = "caseWorkflow"' })) {
    workflowsChecked += 1;
    if (workflowsChecked % 500 === 0) options.onProgress?.(workflowsChecked);
    seen.add(wf.workflowId);
    const row = rows.get(wf.workflowId);
    if (!row) {
      // No grace counts every workflow, whatever this machine's clock says against the server's.
      if ((graceMs === 0 || Date.now() - wf.startTime.getTime() > graceMs) && !(await refusedByLedger(deps.temporal, wf)))
        problems.push({ kind: 'workflow_without_row', workflowId: wf.workflowId, startedAt: wf.startTime.toISOString() });
      continue;
    }
    if (wf.status.name !== 'RUNNING') continue;
    const mismatch = await statusMismatch(deps.prisma, deps.temporal, row);
    if (mismatch) problems.push(mismatch);
  }
  for (const [workflowId, row] of rows) {
    if (!seen.has(workflowId) && !closedForGood(row)) problems.push({ kind: 'row_without_workflow', caseId: row.id, workflowId });
  }
  return { casesChecked: rows.size, workflowsChecked, problems };
}

/**
 * A closed case needs no workflow: Temporal drops ended histories after the namespace's retention,
 * and `npm run rebuild` starts none for a closed case after the store was lost.
 */
const closedForGood = (row: { status: string }) => isFinalStatus(row.status as CaseStatus);

/** A filing the ledger refused: the API answered 400 and the workflow ended failed, before any row. */
async function refusedByLedger(temporal: Client, wf: WorkflowExecutionInfo): Promise<boolean> {
  if (wf.status.name !== 'FAILED') return false;
  try {
    await temporal.workflow.getHandle(wf.workflowId, wf.runId).result();
    return false;
  } catch (error) {
    return error instanceof WorkflowFailedError && error.cause instanceof ApplicationFailure && error.cause.type === LEDGER_REFUSED_FAILURE;
  }
}

async function reconcileFromRows(
  prisma: Db,
  temporal: Client,
  rows: Array<{ id: string; workflowId: string; status: string }>,
): Promise<ReconcileReport> {
  const problems: ReconcileProblem[] = [];
  for (const row of rows) {
    const handle = temporal.workflow.getHandle(row.workflowId);
    try {
      const description = await handle.describe();
      if (description.status.name !== 'RUNNING') continue;
      const mismatch = await statusMismatch(prisma, temporal, row);
      if (mismatch) problems.push(mismatch);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      if (!closedForGood(row)) problems.push({ kind: 'row_without_workflow', caseId: row.id, workflowId: row.workflowId });
    }
  }
  return { casesChecked: rows.length, workflowsChecked: rows.length, problems };
}

/**
 * A running workflow whose events are all projected must agree with its row. The row is read again
 * after the query, since the case may have moved (and been projected) since the rows were listed.
 */
async function statusMismatch(
  prisma: Db,
  temporal: Client,
  row: { id: string; workflowId: string },
): Promise<ReconcileProblem | undefined> {
  const snapshot = await temporal.workflow.getHandle(row.workflowId).query(caseSnapshotQuery);
  if (snapshot.projectedSequence !== snapshot.lastSequence) return undefined;
  const current = await prisma.case.findUnique({ where: { id: row.id }, select: { status: true } });
  if (current?.status === snapshot.status) return undefined;
  return { kind: 'status_mismatch', caseId: row.id, ledger: current?.status ?? 'missing', workflow: snapshot.status };
}
