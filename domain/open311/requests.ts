import type { Clock } from '../../lib/clock.ts';
import type { Db, Prisma } from '../../lib/db.ts';
import { DomainError, invalidField, notFoundNamed } from '../../lib/errors.ts';
import { CASE_STATUSES } from '../../model/cases/lifecycle.ts';
import { namedCategoryWords, open311Status, parseServiceCode, type Language, type ServiceRef } from '../../model/open311/services.ts';
import { lastSteps, REQUEST_ROW_INCLUDE, toOpen311Request, type Open311Request, type RequestRow } from './request-view.ts';

/** What the district decided for its Open311 endpoint (configuration). */
export type Open311Settings = { publicReads: boolean; jurisdictionId?: string; language: Language };

/** Who reads: anyone (no api_key), or the holder of a valid key, with the cases its unit may see. */
export type Open311Reader = { key?: { visible: Prisma.CaseWhereInput } };

export type RequestQuery = {
  ids?: string[];
  serviceCodes?: string[];
  start?: Date;
  end?: Date;
  statuses?: Array<'open' | 'closed'>;
};

/** The spec's bound on a date range, and the range a query without one covers: the latest 90 days. */
const WINDOW_MS = 90 * 24 * 60 * 60 * 1000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The spec suggests 1000 requests at most per answer. */
export const MAX_REQUESTS = 1000;

/** One jurisdiction is served; a client naming another (or any, where none is configured) is told it is not found. */
export function checkJurisdiction(settings: Pick<Open311Settings, 'jurisdictionId'>, given: string | undefined) {
  if (given !== undefined && given !== settings.jurisdictionId) throw notFoundNamed(`jurisdiction_id ${given}`);
}

function scopeOf(settings: Open311Settings, reader: Open311Reader): Prisma.CaseWhereInput {
  if (reader.key) return settings.publicReads ? {} : reader.key.visible;
  if (!settings.publicReads)
    throw new DomainError('forbidden', { zh: '本区的问题须凭 api_key 查询', en: 'this district’s requests are read with an api_key' });
  return {};
}

function dateRange(query: RequestQuery, now: Date): { gte: Date; lte: Date } {
  const { start, end } = query;
  if (start && end) {
    if (end < start) throw invalidField('query.end_date', { zh: 'end_date 早于 start_date', en: 'end_date is before start_date' });
    if (end.getTime() - start.getTime() > WINDOW_MS)
      throw invalidField('query.end_date', { zh: '查询范围不能超过 90 天', en: 'a range may not span more than 90 days' });
    return { gte: start, lte: end };
  }
  if (start) return { gte: start, lte: new Date(start.getTime() + WINDOW_MS) };
  if (end) return { gte: new Date(end.getTime() - WINDOW_MS), lte: end };
  return { gte: new Date(now.getTime() - WINDOW_MS), lte: now };
}

/** The words a category may be stored under, compared as PostgreSQL compares them without letter case. */
const anyWord = (words: string[]): Prisma.CaseWhereInput[] => words.map((w) => ({ category: { equals: w, mode: 'insensitive' } }));

function serviceFilter({ kind, category }: ServiceRef): Prisma.CaseWhereInput {
  if (category === 'other') return { kind, NOT: { OR: anyWord(namedCategoryWords()) } };
  return { kind, OR: anyWord(namedCategoryWords(category)) };
}

function filterOf(query: RequestQuery, now: Date): Prisma.CaseWhereInput {
  // The spec: service_request_id overrides every other filter.
  if (query.ids) return { id: { in: query.ids } };
  const services = query.serviceCodes?.map((code) => {
    const service = parseServiceCode(code);
    if (!service) throw invalidField('query.service_code', { zh: `没有服务 ${code}`, en: `no service ${code}` });
    return service;
  });
  const statuses = query.statuses ? CASE_STATUSES.filter((s) => query.statuses!.includes(open311Status(s))) : undefined;
  return {
    filedAt: dateRange(query, now),
    ...(statuses ? { status: { in: statuses } } : {}),
    ...(services ? { OR: services.map(serviceFilter) } : {}),
  };
}

async function present(prisma: Db, settings: Open311Settings, reader: Open311Reader, rows: RequestRow[]): Promise<Open311Request[]> {
  const ids = rows.map((r) => r.id);
  const [steps, ledgerVisible] = await Promise.all([
    lastSteps(prisma, ids),
    // The ledger's own fields go to a key whose unit may see the case; to anyone else, the spec's fields only.
    reader.key
      ? prisma.case.findMany({ where: { AND: [{ id: { in: ids } }, reader.key.visible] }, select: { id: true } })
      : Promise.resolve([]),
  ]);
  const mine = new Set(ledgerVisible.map((r) => r.id));
  return rows.map((row) => toOpen311Request(row, steps.get(row.id), settings.language, mine.has(row.id)));
}

/** GET requests: newest first, at most 1000, within the reader's scope. */
export async function findRequests(
  deps: { prisma: Db; clock: Clock },
  settings: Open311Settings,
  reader: Open311Reader,
  query: RequestQuery,
): Promise<Open311Request[]> {
  const scope = scopeOf(settings, reader);
  const rows = await deps.prisma.case.findMany({
    where: { AND: [scope, filterOf(query, deps.clock.now())] },
    include: REQUEST_ROW_INCLUDE,
    orderBy: [{ filedAt: 'desc' }, { id: 'desc' }],
    take: MAX_REQUESTS,
  });
  return present(deps.prisma, settings, reader, rows);
}

/** GET requests/{id}: one request, or not found (also when it is outside the reader's scope). */
export async function findRequest(deps: { prisma: Db }, settings: Open311Settings, reader: Open311Reader, id: string) {
  const scope = scopeOf(settings, reader);
  // Any string may come as an id; one that cannot be a case's is simply not found.
  if (!UUID.test(id)) throw notFoundNamed(`service_request_id ${id}`);
  const row = await deps.prisma.case.findFirst({ where: { AND: [scope, { id }] }, include: REQUEST_ROW_INCLUDE });
  if (!row) throw notFoundNamed(`service_request_id ${id}`);
  return present(deps.prisma, settings, reader, [row]);
}
