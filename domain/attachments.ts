import { createHash, randomUUID } from 'node:crypto';
import type { Db, Prisma } from '../lib/db.ts';
import { DomainError, internalFault, notFound } from '../lib/errors.ts';
import type { BlobStorage } from '../lib/storage.ts';
import { MAX_ATTACHMENTS_PER_OWNER } from '../model/attachments.ts';

/**
 * The one attachment implementation: photos and documents of a case, minutes and sign-in sheets of a
 * leader's activity. The owner (its kind and id) picks the table, the storage folder and the lock;
 * the type checks, the cap and the lock that makes the cap hold are the same for every owner. Who may
 * add or read is the caller's to check first (the owner's feature: role and scope).
 */
export type AttachmentOwner = { kind: 'case' | 'activity'; id: string };
export type AttachmentDeps = { prisma: Db; storage: BlobStorage };
export type UploadedFile = { fileName: string; contentType: string; data: Buffer };

const ATTACHMENT_TYPES = {
  'image/png': { extension: 'png', magic: [0x89, 0x50, 0x4e, 0x47] },
  'image/jpeg': { extension: 'jpg', magic: [0xff, 0xd8, 0xff] },
  'application/pdf': { extension: 'pdf', magic: [0x25, 0x50, 0x44, 0x46] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { extension: 'docx', magic: [0x50, 0x4b, 0x03, 0x04] },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { extension: 'xlsx', magic: [0x50, 0x4b, 0x03, 0x04] },
  'text/plain': { extension: 'txt', magic: [] },
} as const;
type AttachmentType = keyof typeof ATTACHMENT_TYPES;
const isAttachmentType = (type: string): type is AttachmentType => Object.hasOwn(ATTACHMENT_TYPES, type);

type StoredFile = Awaited<ReturnType<typeof storeFile>>;
/** An attachment row of any owner's table, as far as this module reads it. */
type AttachmentRow = {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  createdAt: Date;
};

/** Each owner's table, as the same three operations, and where its files are kept. */
const OWNERS = {
  case: {
    named: 'a case',
    folder: 'attachments',
    count: (tx: Prisma.TransactionClient, id: string) => tx.attachment.count({ where: { caseId: id } }),
    insert: (tx: Prisma.TransactionClient, id: string, file: StoredFile) => tx.attachment.create({ data: { ...file, caseId: id } }),
    find: (prisma: Db, id: string, attachmentId: string) => prisma.attachment.findFirst({ where: { id: attachmentId, caseId: id } }),
  },
  activity: {
    named: 'an activity',
    folder: 'leader-activities',
    count: (tx: Prisma.TransactionClient, id: string) => tx.leaderActivityAttachment.count({ where: { activityId: id } }),
    insert: (tx: Prisma.TransactionClient, id: string, file: StoredFile) =>
      tx.leaderActivityAttachment.create({ data: { ...file, activityId: id } }),
    find: (prisma: Db, id: string, attachmentId: string) =>
      prisma.leaderActivityAttachment.findFirst({ where: { id: attachmentId, activityId: id } }),
  },
} satisfies Record<
  AttachmentOwner['kind'],
  {
    named: string;
    folder: string;
    count(tx: Prisma.TransactionClient, id: string): PromiseLike<number>;
    insert(tx: Prisma.TransactionClient, id: string, file: StoredFile): PromiseLike<AttachmentRow>;
    find(prisma: Db, id: string, attachmentId: string): PromiseLike<AttachmentRow | null>;
  }
>;

/** A type the ledger accepts, and bytes that really are of that type. */
export function assertAcceptedFile(file: { contentType: string; data: Buffer }): void {
  if (!isAttachmentType(file.contentType)) {
    throw new DomainError(
      'unsupported_media_type',
      {
        zh: `附件只能是 ${Object.keys(ATTACHMENT_TYPES).join('、')}，不接受 ${file.contentType || '未标明类型的文件'}`,
        en: `attachments may be ${Object.keys(ATTACHMENT_TYPES).join(', ')}; not ${file.contentType || 'untyped'}`,
      },
      undefined,
      undefined,
      { accepted: Object.keys(ATTACHMENT_TYPES) },
    );
  }
  const { magic } = ATTACHMENT_TYPES[file.contentType];
  if (!magic.every((byte, i) => file.data[i] === byte)) {
    throw new DomainError('unsupported_media_type', {
      zh: `文件内容与类型 ${file.contentType} 不符`,
      en: `the file's content is not ${file.contentType}`,
    });
  }
}

/** Puts a checked file into storage under a new id; returns the row's fields (the owner's key aside). */
async function storeFile(storage: BlobStorage, folder: string, file: UploadedFile, uploadedByUserId: string) {
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
export const toAttachmentView = (a: Omit<AttachmentRow, 'storageKey'>) => ({
  id: a.id,
  fileName: a.fileName,
  contentType: a.contentType,
  sizeBytes: a.sizeBytes,
  sha256: a.sha256,
  createdAt: a.createdAt.toISOString(),
});

/**
 * Stores a file for its owner, at most MAX_ATTACHMENTS_PER_OWNER per owner however many arrive at
 * once. The bytes must match the declared type.
 */
export async function storeAttachment(deps: AttachmentDeps, owner: AttachmentOwner, file: UploadedFile, uploadedByUserId: string) {
  assertAcceptedFile(file);
  const table = OWNERS[owner.kind];
  const attachment = await deps.prisma.$transaction(
    async (tx) => {
      // One upload per owner at a time from here to commit, so the count below cannot go stale:
      // 30 parallel uploads store 20. An advisory lock, so the owner's row (a case's ledger
      // projection) never waits on it. Owner ids are UUIDs: one key space serves every kind.
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`attachments:${owner.id}`}, 0))`;
      if ((await table.count(tx, owner.id)) >= MAX_ATTACHMENTS_PER_OWNER) {
        throw new DomainError(
          'conflict',
          {
            zh: `最多只能上传 ${MAX_ATTACHMENTS_PER_OWNER} 个附件`,
            en: `${table.named} holds at most ${MAX_ATTACHMENTS_PER_OWNER} attachments`,
          },
          undefined,
          undefined,
          { maximum: MAX_ATTACHMENTS_PER_OWNER },
        );
      }
      // Stored before the row commits: a failed write takes the row with it.
      return table.insert(tx, owner.id, await storeFile(deps.storage, `${table.folder}/${owner.id}`, file, uploadedByUserId));
    },
    { maxWait: 30_000, timeout: 60_000 },
  );
  return toAttachmentView(attachment);
}

/** One of the owner's files, with its name and type; not found when it is not the owner's. */
export async function readStoredAttachment(deps: AttachmentDeps, owner: AttachmentOwner, attachmentId: string) {
  const attachment = await OWNERS[owner.kind].find(deps.prisma, owner.id, attachmentId);
  if (!attachment) throw notFound('attachment');
  const data = await deps.storage.get(attachment.storageKey);
  if (!data) throw internalFault(`attachment ${attachmentId} is missing from storage`);
  return { data, fileName: attachment.fileName, contentType: attachment.contentType };
}
