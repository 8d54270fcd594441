import type { AuthenticatedUser } from '../auth/auth.ts';
import { readStoredAttachment, storeAttachment, type AttachmentDeps, type UploadedFile } from '../attachments.ts';
import { loadVisibleCase } from './visible-case.ts';
import { requireRole } from './scope.ts';

/** Adds a photo or document to a case the caller can see (the one attachment implementation: types, cap, lock). */
export async function addAttachment(deps: AttachmentDeps, user: AuthenticatedUser, caseId: string, file: UploadedFile) {
  requireRole(user, ['street_staff', 'district_officer', 'municipal_liaison']);
  await loadVisibleCase(deps.prisma, user, caseId);
  return storeAttachment(deps, { kind: 'case', id: caseId }, file, user.id);
}

/** Readable by whoever sees the case. */
export async function readAttachment(deps: AttachmentDeps, user: AuthenticatedUser, caseId: string, attachmentId: string) {
  await loadVisibleCase(deps.prisma, user, caseId);
  return readStoredAttachment(deps, { kind: 'case', id: caseId }, attachmentId);
}
