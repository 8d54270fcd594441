import { describe, expect, it } from 'vitest';
import { createLogger, scrubContacts } from '../../../lib/logger.ts';

function capture(level: 'debug' | 'info' = 'debug') {
  const lines: string[] = [];
  return {
    logger: createLogger(level, { service: 'test' }, (line) => lines.push(line)),
    lines,
    parsed: () => lines.map((l) => JSON.parse(l)),
  };
}

describe('the logger', () => {
  it('writes one JSON object per line: time, level word, pid, service, fields, message; below the level nothing', () => {
    const { logger, lines, parsed } = capture('info');
    logger.debug('hidden');
    logger.child({ caseId: 'c-1' }).info('projected', { sequence: 2 });
    expect(lines).toHaveLength(1);
    expect(lines[0]).not.toContain('\n');
    expect(parsed()[0]).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      pid: process.pid,
      service: 'test',
      caseId: 'c-1',
      sequence: 2,
      msg: 'projected',
    });
  });

  it('redacts contact details, passwords and tokens wherever the field sits, two levels down included', () => {
    const { logger, lines } = capture();
    logger.info('fields', {
      reporter: { name: 'Li Wei', contact: '13912345678', email: 'li.wei@example.test' },
      body: { password: 'secret-pass', reporter: { contact: '13912345678' } },
      request: { headers: { authorization: 'Bearer abc.def', cookie: 'session=xyz' } },
      member: { contact: '13800000000', email: 'm@example.test', name: 'kept' },
      token: 'raw-token',
    });
    const text = lines.join('\n');
    for (const secret of [
      'Li Wei',
      '13912345678',
      'li.wei@example.test',
      'secret-pass',
      'abc.def',
      'session=xyz',
      '13800000000',
      'm@example.test',
      'raw-token',
    ])
      expect(text, secret).not.toContain(secret);
    expect(text).toContain('"name":"kept"');
    expect(text).toContain('[redacted]');
  });

  it("scrubs e-mail addresses and phone numbers from an error's message, stack, cause and details, and keeps ids and line numbers", () => {
    const { logger, parsed } = capture();
    const cause = new Error('duplicate key (reporter_email)=(li.wei@example.test)');
    const error = Object.assign(new Error('case 6f1c2a9e-1234-4c3b-9d2e-123456789012: phone +86 139-1234-5678 refused', { cause }), {
      meta: { detail: 'value 13912345678' },
    });
    logger.error('failed', { error });
    const logged = JSON.stringify(parsed()[0]);
    for (const secret of ['li.wei@example.test', '139-1234-5678', '13912345678']) expect(logged, secret).not.toContain(secret);
    expect(logged).toContain('6f1c2a9e-1234-4c3b-9d2e-123456789012');
    expect(logged).toMatch(/logger\.test\.ts:\d+:\d+/);
    expect(scrubContacts('call 010-12345678 or x@y.cn at file.ts:120:33')).toBe('call [phone] or [email] at file.ts:120:33');
  });
});
