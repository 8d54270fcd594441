import { isUniqueViolation, type Db } from '../lib/db.ts';
import type { Clock } from '../lib/clock.ts';
import type { MailAttachment, Mailer } from '../lib/mailer.ts';

/**
 * Sends a mail at most once per idempotency key as far as the log can tell: the log row is written
 * after the SMTP server accepted the message, and the Message-ID is derived from the key, so a
 * repeat after a crash in between is the same message, which receivers drop.
 */
export async function sendOnce(
  deps: { prisma: Db; mailer: Mailer; clock: Clock },
  idempotencyKey: string,
  mail: { to: string[]; subject: string; text: string; attachments?: MailAttachment[] },
): Promise<{ sent: boolean }> {
  if (mail.to.length === 0) return { sent: false };
  if (await deps.prisma.mailLog.findUnique({ where: { idempotencyKey } })) return { sent: false };
  const messageId = `<${idempotencyKey.replace(/[^A-Za-z0-9._-]/g, '.')}@linkage-ledger>`;
  const to = [...new Set(mail.to)].sort();
  await deps.mailer.send({ to, subject: mail.subject, text: mail.text, messageId, attachments: mail.attachments });
  try {
    await deps.prisma.mailLog.create({
      data: { idempotencyKey, recipients: to, subject: mail.subject, messageId, sentAt: deps.clock.now() },
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
  }
  return { sent: true };
}
