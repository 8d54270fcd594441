import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export type ReceivedMail = {
  messageId: string | null;
  from: string | null;
  to: string[];
  subject: string;
  text: string;
  /** The HTML part, when the mail has one. */
  html?: string;
  attachments: Array<{ filename: string; contentType: string; content: Buffer }>;
  receivedAt: string;
};

export type DevMailbox = {
  messages(): ReceivedMail[];
  /** Resolves with the first message matching, waiting for it to arrive if need be. */
  waitFor(match: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
};

export type DevSmtpServer = {
  port: number;
  url: string;
  mailbox: DevMailbox;
  /** Takes in messages but answers none until the returned function is called: a slow mail server, for tests. */
  hold(): () => void;
  close(): Promise<void>;
};

export type DevSmtpOptions = {
  /** How many of the latest messages are kept (1000 unless told). */
  keep?: number;
  onConnectionError?: (error: Error) => void;
  /** A JSON Lines file the mailbox is kept in, so it survives a restart; in memory only when omitted. */
  mailboxFile?: string;
};

/**
 * A real SMTP server on loopback that keeps what it receives: development's outbox and the tests'
 * witness of what was actually sent over the wire.
 */
export async function startDevSmtpServer(port: number, options: DevSmtpOptions = {}): Promise<DevSmtpServer> {
  const { keep = 1000, onConnectionError = () => {}, mailboxFile } = options;
  const store = mailboxFile ? openMailboxFile(mailboxFile, keep) : undefined;
  const received: ReceivedMail[] = store?.loaded ?? [];
  const waiters = new Set<{ match: (m: ReceivedMail) => boolean; resolve: (m: ReceivedMail) => void }>();
  let held: Promise<void> | undefined;

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then(async (parsed) => {
          await held;
          const mail: ReceivedMail = {
            messageId: parsed.messageId ?? null,
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : null,
            to: session.envelope.rcptTo.map((r) => r.address).sort(),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            ...(parsed.html ? { html: parsed.html } : {}),
            attachments: parsed.attachments.map((a) => ({ filename: a.filename ?? '', contentType: a.contentType, content: a.content })),
            receivedAt: new Date().toISOString(),
          };
          received.push(mail);
          if (received.length > keep) received.shift();
          store?.append(mail, received);
          for (const waiter of waiters) {
            if (waiter.match(mail)) {
              waiters.delete(waiter);
              waiter.resolve(mail);
            }
          }
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  // A client that dies mid-session (a killed worker) resets its connection; that must not take the
  // server, or the process around it, down.
  server.on('error', (error: NodeJS.ErrnoException) => onConnectionError(error));
  const address = server.server.address();
  const boundPort = typeof address === 'object' && address ? address.port : port;

  const mailbox: DevMailbox = {
    messages: () => [...received],
    waitFor(match, timeoutMs = 30_000) {
      const found = received.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve: (m: ReceivedMail) => (clearTimeout(timer), resolve(m)) };
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching mail within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(waiter);
      });
    },
  };
  return {
    port: boundPort,
    url: `smtp://127.0.0.1:${boundPort}`,
    mailbox,
    hold() {
      let release = () => {};
      held = new Promise<void>((resolve) => (release = resolve));
      return () => {
        held = undefined;
        release();
      };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/**
 * The mailbox on disk: one message per line, appended as it arrives. A line cut short by a crash is
 * skipped on reading; the file is rewritten with only the kept messages when it grows past twice that.
 */
function openMailboxFile(file: string, keep: number) {
  mkdirSync(path.dirname(file), { recursive: true });
  const lines = existsSync(file) ? readFileSync(file, 'utf8').split('\n').filter(Boolean) : [];
  const loaded: ReceivedMail[] = [];
  for (const line of lines) {
    try {
      loaded.push(JSON.parse(line) as ReceivedMail);
    } catch {
      // the partial last line of a process that died mid-write
    }
  }
  loaded.splice(0, Math.max(0, loaded.length - keep));
  let linesInFile = lines.length;
  const rewrite = (messages: ReceivedMail[]) => {
    writeFileSync(`${file}.tmp`, messages.map((m) => `${JSON.stringify(m)}\n`).join(''));
    renameSync(`${file}.tmp`, file);
    linesInFile = messages.length;
  };
  if (linesInFile !== loaded.length) rewrite(loaded);
  return {
    loaded,
    append(mail: ReceivedMail, kept: ReceivedMail[]) {
      if (linesInFile + 1 > 2 * keep) return rewrite(kept);
      appendFileSync(file, `${JSON.stringify(mail)}\n`);
      linesInFile++;
    },
  };
}
