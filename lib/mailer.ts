import nodemailer from 'nodemailer';

export type MailAttachment = { filename: string; contentType: string; content: Buffer };
/** A mail: its plain-text part, and an HTML part beside it when `html` is given. */
export type OutgoingMail = {
  to: string[];
  subject: string;
  text: string;
  html?: string;
  messageId: string;
  attachments?: MailAttachment[];
};
export type Mailer = { send(mail: OutgoingMail): Promise<{ messageId: string }>; close(): void };

export function createMailer(smtpUrl: string, from: string): Mailer {
  // Below the activity's 30 s limit, so a hung SMTP server fails the attempt and it is retried.
  const transport = nodemailer.createTransport({ url: smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
  return {
    async send(mail) {
      const { to, subject, text, html, messageId, attachments } = mail;
      const info = await transport.sendMail({ from, to, subject, text, html, messageId, attachments });
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}
