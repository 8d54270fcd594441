import { PassThrough } from 'node:stream';
import type { Db } from '../../lib/db.ts';
import { yearDates } from '../../model/party/rules.ts';
import { writeXlsx, type Cell } from '../../lib/tabular-writers.ts';
import { dateOnly, SERVICE_KIND_LABELS } from '../../model/party/vocabulary.ts';

/** Where a home unit's feedback document of a year is kept, as mailed (xlsx) and to read (html). */
export const feedbackStorageKey = (year: number, homeUnitId: string, format: 'xlsx' | 'html') =>
  `member-feedback/${year}/${homeUnitId}.${format}`;

/** One home unit's year-end feedback: its members and their confirmed records from every community. No contact data. */
export type FeedbackDocument = {
  year: number;
  unitName: string;
  members: Array<{
    memberNumber: string;
    name: string;
    branch: string | null;
    records: Array<{
      recordId: string;
      servedOn: string;
      streetOrPark: string;
      community: string;
      kind: keyof typeof SERVICE_KIND_LABELS;
      hours: number | null;
      account: string;
      caseNumber: number | null;
    }>;
  }>;
};

/** Members of the home unit registered with a community at some time of the year (accepted registrations). */
export const registeredDuringYear = (year: number) => {
  const { from, to } = yearDates(year);
  return {
    status: { in: ['active' as const, 'ended' as const] },
    registeredOn: { lte: to },
    OR: [{ endedOn: null }, { endedOn: { gte: from } }],
  };
};

export async function compileFeedback(prisma: Db, year: number, homeUnitId: string): Promise<FeedbackDocument> {
  const { from, to } = yearDates(year);
  const unit = await prisma.orgUnit.findUniqueOrThrow({ where: { id: homeUnitId }, select: { name: true } });
  const members = await prisma.partyMember.findMany({
    where: { homeUnitId, registrations: { some: registeredDuringYear(year) } },
    orderBy: { memberNumber: 'asc' },
    select: {
      memberNumber: true,
      name: true,
      branch: { select: { name: true } },
      records: {
        where: { confirmed: true, servedOn: { gte: from, lte: to } },
        orderBy: [{ servedOn: 'asc' }, { createdAt: 'asc' }],
        include: { registration: { include: { community: { include: { unit: { select: { name: true } } } } } } },
      },
    },
  });
  const caseIds = members.flatMap((m) => m.records.flatMap((r) => (r.caseId ? [r.caseId] : [])));
  const cases = new Map(
    (await prisma.case.findMany({ where: { id: { in: caseIds } }, select: { id: true, number: true } })).map((c) => [c.id, c.number]),
  );
  return {
    year,
    unitName: unit.name,
    members: members.map((m) => ({
      memberNumber: m.memberNumber,
      name: m.name,
      branch: m.branch?.name ?? null,
      records: m.records.map((r) => ({
        recordId: r.id,
        servedOn: dateOnly(r.servedOn),
        streetOrPark: r.registration.community.unit.name,
        community: r.registration.community.name,
        kind: r.kind,
        hours: r.hours,
        account: r.account,
        caseNumber: r.caseId ? (cases.get(r.caseId) ?? null) : null,
      })),
    })),
  };
}

export const FEEDBACK_HEADER = [
  '党员编号 Member number',
  '姓名 Name',
  '党支部 Party branch',
  '日期 Date',
  '街道/园区 Street/park',
  '社区 Community',
  '类别 Kind',
  '时长(小时) Hours',
  '情况 Account',
  '台账编号 Ledger case',
];

function feedbackRows(doc: FeedbackDocument): Cell[][] {
  return doc.members.flatMap((m) =>
    m.records.length === 0
      ? [[m.memberNumber, m.name, m.branch ?? '', '', '', '', '无记录 No records', '', '', '']]
      : m.records.map((r) => [
          m.memberNumber,
          m.name,
          m.branch ?? '',
          r.servedOn,
          r.streetOrPark,
          r.community,
          `${SERVICE_KIND_LABELS[r.kind].zh} ${SERVICE_KIND_LABELS[r.kind].en}`,
          r.hours ?? '',
          r.account,
          r.caseNumber ?? '',
        ]),
  );
}

export async function feedbackXlsx(doc: FeedbackDocument): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  async function* rows() {
    yield* feedbackRows(doc);
  }
  await writeXlsx(FEEDBACK_HEADER, rows(), out, `${doc.year} 党员表现反馈`);
  out.end();
  return Buffer.concat(chunks);
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

/** The same document as a page to read and print. */
export function feedbackHtml(doc: FeedbackDocument): string {
  const title = `${doc.year} 年度党员“双报到”表现反馈 / Year-end feedback ${doc.year}: ${doc.unitName}`;
  const head = FEEDBACK_HEADER.map((h) => `<th>${escapeHtml(h)}</th>`).join('');
  const body = feedbackRows(doc)
    .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(String(cell))}</td>`).join('')}</tr>`)
    .join('\n');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse;width:100%}th,td{border:1px solid #999;padding:4px 6px;text-align:left;vertical-align:top}@media print{body{margin:0}}</style>
</head><body><h1>${escapeHtml(title)}</h1>
<p>${doc.members.length} 名党员 members, ${doc.members.reduce((n, m) => n + m.records.length, 0)} 条记录 records</p>
<table><thead><tr>${head}</tr></thead><tbody>
${body}
</tbody></table></body></html>
`;
}
