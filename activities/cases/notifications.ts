import { ApplicationFailure } from '@temporalio/activity';
import { formatDistrictTime } from '../../lib/district-time.ts';
import type { Level } from '../../model/cases/outcome.ts';
import { parseCaseDetails, resultText, type CaseDetails } from '../../model/cases/case-details.ts';
import type { ActivityDeps } from '../deps.ts';
import { sendOnce } from '../mail-once.ts';
import type { NoticeKind } from '../../model/cases/lifecycle.ts';
import { renderNotice, type Audience } from './notice-templates.ts';

type SendCaseNoticeInput = { caseId: string; notice: NoticeKind; level: Level; idempotencyKey: string };

type Unit = { email: string | null; name: string };

function reasonFor(notice: NoticeKind, details: CaseDetails): string | undefined {
  if (notice === 'case_returned') return details.questions;
  if (notice === 'case_rejected') return details.rejectionReason;
  if (notice === 'case_reopened') return details.feedback?.reason;
  return undefined;
}

export function createNotificationActivities({ prisma, mailer, clock, districtTime, notices }: ActivityDeps) {
  return {
    /** Sends one notice about a case, once per idempotency key (see sendOnce). */
    async sendCaseNotice({ caseId, notice, level, idempotencyKey }: SendCaseNoticeInput): Promise<{ sent: boolean }> {
      if (await prisma.mailLog.findUnique({ where: { idempotencyKey } })) return { sent: false };
      const row = await prisma.case.findUnique({
        where: { id: caseId },
        include: { filingUnit: { include: { parent: { include: { parent: true } } } } },
      });
      if (!row) throw ApplicationFailure.nonRetryable(`case ${caseId} is not in the ledger`, 'CaseNotFound');
      const filer = await prisma.user.findUnique({ where: { id: row.filedByUserId }, select: { email: true } });
      const district: Unit | null = row.filingUnit.parent;
      const municipality: Unit | null = row.filingUnit.parent?.parent ?? null;
      const details = parseCaseDetails(row.details);
      const mail = renderNotice(
        notice,
        {
          number: row.number,
          title: row.title,
          urgent: row.urgent,
          kind: row.kind,
          status: row.status,
          filingUnitName: row.filingUnit.name,
          districtName: district?.name,
          level,
          dueAt: row.dueAt ? formatDistrictTime(row.dueAt, districtTime) : null,
          resolution: resultText(details),
          reason: reasonFor(notice, details),
          caseUrl: `${notices.publicBaseUrl}/app/cases/${encodeURIComponent(row.id)}`,
        },
        notices.language,
      );
      const unitAt: Record<Level, Unit | null> = { street: row.filingUnit, district, municipal: municipality };
      const above: Record<Level, Unit | null> = { street: district, district: municipality, municipal: district };
      const addresses: Record<Audience, Array<string | null | undefined>> = {
        filing_unit: [row.filingUnit.email],
        filer: [filer?.email],
        district: [district?.email],
        municipality: [municipality?.email],
        reporter: [row.reporterEmail],
        responsible: [unitAt[level]?.email],
        above_responsible: [above[level]?.email],
      };
      const to = mail.audience.flatMap((a) => addresses[a]).filter((a): a is string => Boolean(a));
      return sendOnce({ prisma, mailer, clock }, idempotencyKey, { to, subject: mail.subject, text: mail.text, html: mail.html });
    },
  };
}
