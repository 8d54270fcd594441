import { createHash, randomUUID } from 'node:crypto';
import type { Db } from '../../lib/db.ts';
import { DomainError, notFound } from '../../lib/errors.ts';
import type { BlobStorage } from '../../lib/storage.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { loadVisibleCase } from './visible-case.ts';
import { requireRole } from './scope.ts';

const ATTACHMENT_TYPES = {
  'image/png': { extension: 'png', magic: [0x89, 0x50, 0x4e, 0x47] },
  'image/jpeg': { extension: 'jpg', magic: [0xff, 0xd8, 0xff] },
  'application/pdf': { extension: 'pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { extension: 'docx', magic: [0x50, 0x4b, 0x03, 0x04] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { extension: 'xlsx', magic: [0x50, 0x4b, 0x03, 0x04] },
  'text/plain': { extension: 'txt', magic: [] },
} as const;
type AttachmentType = keyof typeof ATTACHMENT_TYPES;
export const MAX_ATTACHMENTS_PER_CASE = 20;
const isAttachmentType = (type: string): type is AttachmentType => Object.hasOwn(ATTACHMENT_TYPES, type);

type AttachmentDeps = { prisma: Db; storage: BlobStorage };

/** A type the ledger accepts, and bytes that really are of that type. */
export function assertAcceptedFile(file: { contentType: string; data: Buffer }): void {
  if (!isAttachmentType(file.contentType)) {
    throw new DomainError(
      'unsupported_media_type',
      `attachments may be ${Object.keys(ATTACHMENT_TYPES).join(', ')}; not ${file.contentType || 'untyped'}`,
    );
  }
  const { magic } = ATTACHMENT_TYPES[file.contentType];
  if (!magic.every((byte, i) => file.data[i] === byte)) {
    throw new DomainError('unsupported_media_type', `the file's content is not ${file.contentType}`);
  }
}

/** Puts a checked file into storage under a new id; returns the row's fields (the owner's key aside). */
export async function storeFile(
  storage: BlobStorage,
  folder: string,
  file: { fileName: string; contentType: string; data: Buffer },
  uploadedByUserId: string,
) {
  const id = randomUUID();
  const storageKey = `${folder}/${id}`;
  await storage.put(storageKey, file.data);
  return {
    id,
    fileName: file.fileName,
    contentType: file.contentType,
    sizeBytes: file.data.length,
    sha256: createHash('sha256').update(file.data).digest('hex'),
    storageKey,
    uploadedByUserId,
  };
}

/** What the API shows of a stored attachment. */
export const toAttachmentView = (a: {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  createdAt: Date;
}) => ({
  id: a.id,
  fileName: a.fileName,
  contentType: a.contentType,
  sizeBytes: a.sizeBytes,
  sha256: a.sha256,
  createdAt: a.createdAt.toISOString(),
});

/** Adds a photo or document to a case the caller can see. The bytes must match the declared type. */
export async function addAttachment(
  deps: AttachmentDeps,
  user: AuthenticatedUser,
  caseId: string,
  file: { fileName: string; contentType: string; data: Buffer },
) {
  requireRole(user, ['street_staff', 'district_officer', 'municipal_liaison']);
  await loadVisibleCase(deps.prisma, user, caseId);
  assertAcceptedFile(file);
  const attachment = await deps.prisma.$transaction(
    async (tx) => {
      // One upload per case at a time from here to commit, so the count below cannot go stale:
      // 30 parallel uploads store 20. An advisory lock, so the ledger projection never waits on it.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`attachments:${caseId}`}, 0))`;
      if ((await tx.attachment.count({ where: { caseId } })) >= MAX_ATTACHMENTS_PER_CASE) {
        throw new DomainError('conflict', `a case holds at most ${MAX_ATTACHMENTS_PER_CASE} attachments`);
      }
      // Stored before the row commits: a failed write takes the row with it.
      const stored = await storeFile(deps.storage, `attachments/${caseId}`, file, user.id);
      return tx.attachment.create({ data: { ...stored, caseId } });
    },
    { maxWait: 30_000, timeout: 60_000 },
  );
  return toAttachmentView(attachment);
}

export async function readAttachment(deps: AttachmentDeps, user: AuthenticatedUser, caseId: string, attachmentId: string) {
  await loadVisibleCase(deps.prisma, user, caseId);
  const attachment = await deps.prisma.attachment.findFirst({ where: { id: attachmentId, caseId } });
  if (!attachment) throw notFound('attachment');
  const data = await deps.storage.get(attachment.storageKey);
  if (!data) throw new DomainError('internal', `attachment ${attachmentId} is missing from storage`);
  return { data, fileName: attachment.fileName, contentType: attachment.contentType };
}
