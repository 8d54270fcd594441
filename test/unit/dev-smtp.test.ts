import net from 'node:net';
import { describe, expect, it } from 'vitest';
import { startDevSmtpServer } from '../../infra/dev-smtp.ts';

describe('embedded SMTP server', () => {
  it('survives a client that resets its connection mid-session, and keeps receiving mail', async () => {
    const errors: Error[] = [];
    const smtp = await startDevSmtpServer(0, 10, (e) => errors.push(e));
    try {
      const socket = net.connect(smtp.port, '127.0.0.1');
      await new Promise((resolve) => socket.once('data', resolve));
      socket.write('EHLO crash\r\nMAIL FROM:<a@b.test>\r\nRCPT TO:<c@d.test>\r\nDATA\r\nSubject: half');
      await new Promise((r) => setTimeout(r, 50));
      socket.resetAndDestroy();
      await new Promise((r) => setTimeout(r, 100));

      const { createMailer } = await import('../../lib/mailer.ts');
      const mailer = createMailer(smtp.url, 'ledger@test');
      await mailer.send({ to: ['x@y.test'], subject: 'after the reset', text: 'still here', messageId: '<after@test>' });
      mailer.close();
      expect((await smtp.mailbox.waitFor((m) => m.subject === 'after the reset', 5_000)).to).toEqual(['x@y.test']);
    } finally {
      await smtp.close();
    }
  });
});
