import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { Db } from '../lib/db.ts';
import { caseSnapshotQuery } from '../workflows/definitions.ts';

export type ReconcileProblem =
  | { kind: 'row_without_workflow'; caseId: string; workflowId: string }
  | { kind: 'workflow_without_row'; workflowId: string; startedAt: string }
  | { kind: 'status_mismatch'; caseId: string; ledger: string; workflow: string };

export type ReconcileReport = { casesChecked: number; workflowsChecked: number; problems: ReconcileProblem[] };

/**
 * Compares the ledger with Temporal: every case row must have its workflow, every case workflow its
 * row, and a running workflow whose events are all projected must agree with its row's status.
 * Workflows younger than `graceMs` may still be writing their first row and are not counted.
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
  if (options.rowsOnly) return reconcileFromRows(deps.temporal, [...rows.values()]);
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
      if (graceMs === 0 || Date.now() - wf.startTime.getTime() > graceMs)
        problems.push({ kind: 'workflow_without_row', workflowId: wf.workflowId, startedAt: wf.startTime.toISOString() });
      continue;
    }
    if (wf.status.name !== 'RUNNING') continue;
    const snapshot = await deps.temporal.workflow.getHandle(wf.workflowId).query(caseSnapshotQuery);
    if (snapshot.projectedSequence === snapshot.lastSequence && snapshot.status !== row.status) {
      problems.push({ kind: 'status_mismatch', caseId: row.id, ledger: row.status, workflow: snapshot.status });
    }
  }
  for (const [workflowId, row] of rows) {
    if (!seen.has(workflowId)) problems.push({ kind: 'row_without_workflow', caseId: row.id, workflowId });
  }
  return { casesChecked: rows.size, workflowsChecked, problems };
}

async function reconcileFromRows(
  temporal: Client,
  rows: Array<{ id: string; workflowId: string; status: string }>,
): Promise<ReconcileReport> {
  const problems: ReconcileProblem[] = [];
  for (const row of rows) {
    const handle = temporal.workflow.getHandle(row.workflowId);
    try {
      const description = await handle.describe();
      if (description.status.name !== 'RUNNING') continue;
      const snapshot = await handle.query(caseSnapshotQuery);
      if (snapshot.projectedSequence === snapshot.lastSequence && snapshot.status !== row.status) {
        problems.push({ kind: 'status_mismatch', caseId: row.id, ledger: row.status, workflow: snapshot.status });
      }
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      problems.push({ kind: 'row_without_workflow', caseId: row.id, workflowId: row.workflowId });
    }
  }
  return { casesChecked: rows.length, workflowsChecked: rows.length, problems };
}
