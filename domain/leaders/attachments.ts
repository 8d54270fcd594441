import type { AuthenticatedUser } from '../auth/auth.ts';
import { readStoredAttachment, storeAttachment, type AttachmentDeps, type UploadedFile } from '../attachments.ts';
import { requireRole } from '../cases/scope.ts';
import { loadVisibleActivity } from './activities.ts';
import { requireOwnUnit } from './leaders.ts';

/** Minutes, photos or a sign-in sheet, added by the leader's unit (the one attachment implementation: types, cap, lock). */
export async function addActivityAttachment(deps: AttachmentDeps, user: AuthenticatedUser, activityId: string, file: UploadedFile) {
  requireRole(user, ['street_staff']);
  const activity = await loadVisibleActivity(deps.prisma, user, activityId);
  requireOwnUnit(user, activity.leader.unitId, { zh: '为领导的活动添加材料', en: 'adds documents to its leaders’ activities' });
  return storeAttachment(deps, { kind: 'activity', id: activityId }, file, user.id);
}

/** Readable by whoever sees the activity: the leader's unit, the receiving street/park, the district, the city. */
export async function readActivityAttachment(deps: AttachmentDeps, user: AuthenticatedUser, activityId: string, attachmentId: string) {
  await loadVisibleActivity(deps.prisma, user, activityId);
  return readStoredAttachment(deps, { kind: 'activity', id: activityId }, attachmentId);
}
