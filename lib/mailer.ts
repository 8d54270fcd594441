import nodemailer from 'nodemailer';

export type OutgoingMail = { to: string[]; subject: string; text: string; messageId: string };
export type Mailer = { send(mail: OutgoingMail): Promise<{ messageId: string }>; close(): void };

export function createMailer(smtpUrl: string, from: string): Mailer {
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    async send(mail) {
      const info = await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, messageId: mail.messageId });
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}
