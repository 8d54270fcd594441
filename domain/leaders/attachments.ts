import type { Db } from '../../lib/db.ts';
import { DomainError, notFound } from '../../lib/errors.ts';
import type { BlobStorage } from '../../lib/storage.ts';
import { assertAcceptedFile, MAX_ATTACHMENTS_PER_CASE, storeFile, toAttachmentView } from '../cases/attachments.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { loadVisibleActivity } from './activities.ts';
import { requireOwnUnit } from './leaders.ts';
import { requireRole } from '../cases/scope.ts';

type Deps = { prisma: Db; storage: BlobStorage };

/** Minutes, photos or a sign-in sheet, added by the leader's unit (same types and checks as a case's attachments). */
export async function addActivityAttachment(
  deps: Deps,
  user: AuthenticatedUser,
  activityId: string,
  file: { fileName: string; contentType: string; data: Buffer },
) {
  requireRole(user, ['street_staff']);
  const activity = await loadVisibleActivity(deps.prisma, user, activityId);
  requireOwnUnit(user, activity.leader.unitId, 'adds documents to its leaders’ activities');
  assertAcceptedFile(file);
  if (activity.attachments.length >= MAX_ATTACHMENTS_PER_CASE)
    throw new DomainError('conflict', `an activity holds at most ${MAX_ATTACHMENTS_PER_CASE} attachments`);
  const stored = await storeFile(deps.storage, `leader-activities/${activityId}`, file, user.id);
  return toAttachmentView(await deps.prisma.leaderActivityAttachment.create({ data: { ...stored, activityId } }));
}

/** Readable by whoever sees the activity: the leader's unit, the receiving street/park, the district, the city. */
export async function readActivityAttachment(deps: Deps, user: AuthenticatedUser, activityId: string, attachmentId: string) {
  await loadVisibleActivity(deps.prisma, user, activityId);
  const attachment = await deps.prisma.leaderActivityAttachment.findFirst({ where: { id: attachmentId, activityId } });
  if (!attachment) throw notFound('attachment');
  const data = await deps.storage.get(attachment.storageKey);
  if (!data) throw new DomainError('internal', `attachment ${attachmentId} is missing from storage`);
  return { data, fileName: attachment.fileName, contentType: attachment.contentType };
}
