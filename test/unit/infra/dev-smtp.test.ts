import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startDevSmtpServer } from '../../../infra/dev-smtp.ts';
import { createMailer } from '../../../lib/mailer.ts';

async function sendTo(url: string, subjects: string[]) {
  const mailer = createMailer(url, 'ledger@test');
  try {
    for (const subject of subjects) await mailer.send({ to: ['x@y.test'], subject, text: subject, messageId: `<${subject}@test>` });
  } finally {
    mailer.close();
  }
}

describe('embedded SMTP server', () => {
  it('survives a client that resets its connection mid-session, and keeps receiving mail', async () => {
    const errors: Error[] = [];
    const smtp = await startDevSmtpServer(0, { keep: 10, onConnectionError: (e) => errors.push(e) });
    try {
      const socket = net.connect(smtp.port, '127.0.0.1');
      await new Promise((resolve) => socket.once('data', resolve));
      socket.write('EHLO crash\r\nMAIL FROM:<a@b.test>\r\nRCPT TO:<c@d.test>\r\nDATA\r\nSubject: half');
      await new Promise((r) => setTimeout(r, 50));
      socket.resetAndDestroy();
      await new Promise((r) => setTimeout(r, 100));

      const mailer = createMailer(smtp.url, 'ledger@test');
      await mailer.send({ to: ['x@y.test'], subject: 'after the reset', text: 'still here', messageId: '<after@test>' });
      mailer.close();
      expect((await smtp.mailbox.waitFor((m) => m.subject === 'after the reset', 5_000)).to).toEqual(['x@y.test']);
    } finally {
      await smtp.close();
    }
  });

  it('keeps its mailbox in a file across a restart: the latest messages, past a line cut short by a crash', async () => {
    const mailboxFile = path.join(mkdtempSync(path.join(tmpdir(), 'mailbox-')), 'mail', 'mailbox.jsonl');
    const first = await startDevSmtpServer(0, { keep: 2, mailboxFile });
    try {
      await sendTo(first.url, ['one', 'two', 'three']);
      await first.mailbox.waitFor((m) => m.subject === 'three', 5_000);
    } finally {
      await first.close();
    }
    appendFileSync(mailboxFile, '{"messageId":"<half');

    const second = await startDevSmtpServer(0, { keep: 2, mailboxFile });
    try {
      expect(second.mailbox.messages().map((m) => m.subject)).toEqual(['two', 'three']);
      await sendTo(second.url, ['four']);
      await second.mailbox.waitFor((m) => m.subject === 'four', 5_000);
    } finally {
      await second.close();
    }
    const third = await startDevSmtpServer(0, { keep: 2, mailboxFile });
    await third.close();
    expect(third.mailbox.messages().map((m) => [m.subject, m.messageId, m.to])).toEqual([
      ['three', '<three@test>', ['x@y.test']],
      ['four', '<four@test>', ['x@y.test']],
    ]);
    // Rewritten without the cut line, and never more than twice what it keeps.
    expect(readFileSync(mailboxFile, 'utf8').trim().split('\n').length).toBeLessThanOrEqual(4);
  });
});
