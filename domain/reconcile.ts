import type { Client } from '@temporalio/client';
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
  options: { graceMs?: number; onProgress?: (checked: number) => void } = {},
): Promise<ReconcileReport> {
  const graceMs = options.graceMs ?? 60_000;
  const rows = new Map(
    (await deps.prisma.case.findMany({ select: { id: true, workflowId: true, status: true } })).map((r) => [r.workflowId, r]),
  );
  const problems: ReconcileProblem[] = [];
  const seen = new Set<string>();
  let workflowsChecked = 0;
  for await (const wf of deps.temporal.workflow.list({ query: 'WorkflowType = "caseWorkflow"' })) {
    workflowsChecked += 1;
    if (workflowsChecked % 500 === 0) options.onProgress?.(workflowsChecked);
    seen.add(wf.workflowId);
    const row = rows.get(wf.workflowId);
    if (!row) {
      if (Date.now() - wf.startTime.getTime() > graceMs)
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
