import { isUniqueViolation, type Db } from '../lib/db.ts';
import type { Clock } from '../lib/clock.ts';
import type { MailAttachment, Mailer } from '../lib/mailer.ts';
import { processMetric } from '../lib/metrics.ts';
import { Counter, Gauge } from 'prom-client';

/**
 * Mail has no queue table: a notice waits in its activity, which Temporal retries until the SMTP
 * server takes it. So the worker that sends counts what it sends, what the SMTP server refused or
 * never answered (each failure is one retry to come), and what is being handed over right now.
 */
const mailMetrics = () => ({
  sent: processMetric(Counter, { name: 'ledger_mail_sent_total', help: 'Mails the SMTP server accepted' }),
  failed: processMetric(Counter, {
    name: 'ledger_mail_send_failures_total',
    help: 'Mail attempts the SMTP server refused or did not answer (each is retried by Temporal)',
  }),
  sending: processMetric(Gauge, { name: 'ledger_mail_sending', help: 'Mails being handed to the SMTP server now' }),
});

/**
 * Sends a mail at most once per idempotency key as far as the log can tell: the log row is written
 * after the SMTP server accepted the message, and the Message-ID is derived from the key, so a
 * repeat after a crash in between is the same message, which receivers drop.
 */
export async function sendOnce(
  deps: { prisma: Db; mailer: Mailer; clock: Clock },
  idempotencyKey: string,
  mail: { to: string[]; subject: string; text: string; html?: string; attachments?: MailAttachment[] },
): Promise<{ sent: boolean }> {
  if (mail.to.length === 0) return { sent: false };
  if (await deps.prisma.mailLog.findUnique({ where: { idempotencyKey } })) return { sent: false };
  const messageId = `<${idempotencyKey.replace(/[^A-Za-z0-9._-]/g, '.')}@linkage-ledger>`;
  const to = [...new Set(mail.to)].sort();
  const metrics = mailMetrics();
  metrics.sending.inc();
  try {
    await deps.mailer.send({ to, subject: mail.subject, text: mail.text, html: mail.html, messageId, attachments: mail.attachments });
    metrics.sent.inc();
  } catch (error) {
    metrics.failed.inc();
    throw error;
  } finally {
    metrics.sending.dec();
  }
  try {
    await deps.prisma.mailLog.create({
      data: { idempotencyKey, recipients: to, subject: mail.subject, messageId, sentAt: deps.clock.now() },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  return { sent: true };
}
