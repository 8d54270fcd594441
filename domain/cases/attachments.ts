import type { Client } from '@temporalio/client';
import { CASE_LIFECYCLE } from '../../model/cases/lifecycle.ts';
import { fileAddedSignal, workflowIdForCase } from '../../workflows/definitions.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { readStoredAttachment, storeAttachment, type AttachmentDeps, type UploadedFile } from '../attachments.ts';
import { requireStep } from '../lifecycle-steps.ts';
import { runUpdate } from '../workflow-calls.ts';
import { loadVisibleCase } from './visible-case.ts';

/**
 * Adds a photo or document to a case the caller can see, and records it in the case's history (the
 * `attach` step of the transition table: the filing unit at any open status, the district or the city
 * while it holds the case). The one attachment implementation keeps the types, the cap and its lock;
 * once the file's row has committed, a Signal tells the case's workflow, which records it in order
 * (it skips a file the case may no longer take, should the case have moved on in between). The
 * Temporal budget is the Signal's own: waiting for the case's lock behind many uploads is not Temporal's.
 */
export async function addAttachment(
  deps: AttachmentDeps & { temporal: Client; callDeadlineMs: number },
  user: AuthenticatedUser,
  caseId: string,
  file: UploadedFile,
) {
  const row = await loadVisibleCase(deps.prisma, user, caseId);
  requireStep(CASE_LIFECYCLE, 'attach', row.status, user.role);
  const actor = { userId: user.id, role: user.role, orgUnitId: user.orgUnitId };
  const stored = await storeAttachment(deps, { kind: 'case', id: caseId }, file, user.id);
  await deps.temporal.withDeadline(Date.now() + deps.callDeadlineMs, () =>
    runUpdate(() =>
      deps.temporal.workflow
        .getHandle(workflowIdForCase(caseId))
        .signal(fileAddedSignal, { actor, attachment: { id: stored.id, fileName: stored.fileName } }),
    ),
  );
  return stored;
}

/** Readable by whoever sees the case. */
export async function readAttachment(deps: AttachmentDeps, user: AuthenticatedUser, caseId: string, attachmentId: string) {
  await loadVisibleCase(deps.prisma, user, caseId);
  return readStoredAttachment(deps, { kind: 'case', id: caseId }, attachmentId);
}
