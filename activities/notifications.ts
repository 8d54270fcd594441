import { ApplicationFailure } from '@temporalio/activity';
import { isUniqueViolation } from '../lib/db.ts';
import type { ActivityDeps } from './index.ts';
import { renderNotice, type NoticeKind } from './notice-templates.ts';

export type SendCaseNoticeInput = { caseId: string; notice: NoticeKind; idempotencyKey: string };

export function createNotificationActivities({ prisma, mailer, clock }: ActivityDeps) {
  return {
    /**
     * Sends one notice about a case, once per idempotency key. The mail log row is written after the
     * SMTP server accepted the message; the Message-ID is derived from the key, so in the narrow
     * window where a worker dies between the two, a receiver can still drop the repeat.
     */
    async sendCaseNotice({ caseId, notice, idempotencyKey }: SendCaseNoticeInput): Promise<{ sent: boolean }> {
      const already = await prisma.mailLog.findUnique({ where: { idempotencyKey } });
      if (already) return { sent: false };
      const row = await prisma.case.findUnique({
        where: { id: caseId },
        include: { filingUnit: { include: { parent: true } } },
      });
      if (!row) throw ApplicationFailure.nonRetryable(`case ${caseId} is not in the ledger`, 'CaseNotFound');
      const filer = await prisma.user.findUnique({ where: { id: row.filedByUserId } });
      const mail = renderNotice(notice, {
        number: row.number,
        title: row.title,
        urgent: row.urgent,
        status: row.status,
        filingUnitName: row.filingUnit.name,
        districtName: row.filingUnit.parent?.name ?? 'the district',
      });
      const recipients = new Set<string>();
      if (row.filingUnit.email) recipients.add(row.filingUnit.email);
      if (filer?.email) recipients.add(filer.email);
      if (mail.alsoToDistrict && row.filingUnit.parent?.email) recipients.add(row.filingUnit.parent.email);
      if (recipients.size === 0) return { sent: false };

      const messageId = `<${idempotencyKey.replace(/[^A-Za-z0-9._-]/g, '.')}@linkage-ledger>`;
      const to = [...recipients].sort();
      await mailer.send({ to, subject: mail.subject, text: mail.text, messageId });
      try {
        await prisma.mailLog.create({ data: { idempotencyKey, recipients: to, subject: mail.subject, messageId, sentAt: clock.now() } });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
      return { sent: true };
    },
  };
}
