import { randomUUID } from 'node:crypto';
import type { Clock } from '../../lib/clock.ts';
import type { Db } from '../../lib/db.ts';
import { formatDistrictTime, type DistrictTime } from '../../lib/district-time.ts';
import { DomainError, notFound } from '../../lib/errors.ts';
import { fillPlaceholders, type StockReplyInput, type StockReplyStep } from '../../model/cases/stock-replies.ts';
import type { StockReply } from '../../generated/prisma/client.ts';
import type { AuthenticatedUser } from '../auth/auth.ts';
import { requireRole } from './scope.ts';
import { loadVisibleCase } from './visible-case.ts';

type ReplyDeps = { prisma: Db; clock: Clock };

/** Who keeps stock replies: admins for every district, a district's officers for their own. */
const KEEPERS = ['admin', 'district_officer'] as const;

const mayChange = (user: AuthenticatedUser, districtId: string | null) =>
  user.role === 'admin' || (user.role === 'district_officer' && districtId === user.orgUnitId);

function replyOf(row: StockReply, user: AuthenticatedUser) {
  return {
    id: row.id,
    name: row.name,
    step: row.step as StockReplyStep,
    category: row.category,
    districtId: row.districtId,
    textZh: row.textZh,
    textEn: row.textEn,
    editable: mayChange(user, row.districtId),
    updatedAt: row.updatedAt.toISOString(),
  };
}
export type StockReplyView = ReturnType<typeof replyOf>;

/** The replies a keeper manages and reads: an admin all of them, an officer their district's and the shared ones. */
export async function listStockReplies(prisma: Db, user: AuthenticatedUser): Promise<StockReplyView[]> {
  requireRole(user, KEEPERS);
  const rows = await prisma.stockReply.findMany({
    where: user.role === 'admin' ? {} : { OR: [{ districtId: null }, { districtId: user.orgUnitId }] },
    orderBy: [{ step: 'asc' }, { name: 'asc' }, { id: 'asc' }],
  });
  return rows.map((row) => replyOf(row, user));
}

/** The district a new or moved reply is for: an officer's own (naming another or every district is refused). */
async function districtFor(prisma: Db, user: AuthenticatedUser, districtId: string | null | undefined): Promise<string | null> {
  if (user.role === 'district_officer') {
    if (districtId !== undefined && districtId !== user.orgUnitId)
      throw new DomainError('forbidden', {
        zh: '区级工作人员只能为本区保存常用回复',
        en: 'a district officer keeps stock replies for their own district only',
      });
    return user.orgUnitId;
  }
  if (districtId === undefined || districtId === null) return null;
  const district = await prisma.orgUnit.findFirst({ where: { id: districtId, kind: 'district' } });
  if (!district)
    throw new DomainError('validation_failed', { zh: '没有这个区', en: 'no such district' }, [
      { path: 'body.districtId', message: { zh: '没有这个区', en: 'no such district' } },
    ]);
  return district.id;
}

export async function createStockReply(deps: ReplyDeps, user: AuthenticatedUser, input: StockReplyInput): Promise<StockReplyView> {
  requireRole(user, KEEPERS);
  const { districtId, category, ...texts } = input;
  const now = deps.clock.now();
  const row = await deps.prisma.stockReply.create({
    data: {
      id: randomUUID(),
      districtId: await districtFor(deps.prisma, user, districtId),
      category: category ?? null,
      ...texts,
      createdByUserId: user.id,
      createdAt: now,
      updatedAt: now,
    },
  });
  return replyOf(row, user);
}

/** A reply the caller may change: one they cannot even read is not found, one they only read is refused (403). */
async function changeableReply(prisma: Db, user: AuthenticatedUser, id: string): Promise<StockReply> {
  requireRole(user, KEEPERS);
  const row = await prisma.stockReply.findUnique({ where: { id } });
  const readable = row && (user.role === 'admin' || row.districtId === null || row.districtId === user.orgUnitId);
  if (!readable) throw notFound('stock reply');
  if (!mayChange(user, row.districtId))
    throw new DomainError('forbidden', {
      zh: '全市通用的常用回复只有管理员可以修改',
      en: 'only an administrator changes a stock reply kept for every district',
    });
  return row;
}

export async function updateStockReply(
  deps: ReplyDeps,
  user: AuthenticatedUser,
  id: string,
  patch: Partial<StockReplyInput>,
): Promise<StockReplyView> {
  await changeableReply(deps.prisma, user, id);
  const { districtId, ...fields } = patch;
  const row = await deps.prisma.stockReply.update({
    where: { id },
    data: {
      ...fields,
      ...(districtId !== undefined ? { districtId: await districtFor(deps.prisma, user, districtId) } : {}),
      updatedAt: deps.clock.now(),
    },
  });
  return replyOf(row, user);
}

export async function deleteStockReply(prisma: Db, user: AuthenticatedUser, id: string): Promise<void> {
  await changeableReply(prisma, user, id);
  await prisma.stockReply.deleteMany({ where: { id } });
}

/**
 * The replies a step's dialog offers on a case the caller sees: those of the case's district and
 * those for every district, for this step and the case's category (or any), with the case's number,
 * filing unit and deadline filled in, in both languages.
 */
export async function stockRepliesForCase(prisma: Db, user: AuthenticatedUser, caseId: string, step: StockReplyStep, time: DistrictTime) {
  const row = await loadVisibleCase(prisma, user, caseId);
  const districtId = row.filingUnit.parentId;
  const replies = await prisma.stockReply.findMany({
    where: {
      step,
      AND: [
        { OR: [{ districtId: null }, ...(districtId ? [{ districtId }] : [])] },
        { OR: [{ category: null }, { category: row.category }] },
      ],
    },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  const values = {
    number: String(row.number),
    unit: row.filingUnit.name,
    deadline: row.dueAt ? formatDistrictTime(row.dueAt, time) : '',
  };
  return replies.map((reply) => ({
    id: reply.id,
    name: reply.name,
    category: reply.category,
    text: { zh: fillPlaceholders(reply.textZh, values), en: fillPlaceholders(reply.textEn, values) },
  }));
}
