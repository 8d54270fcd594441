import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { fileAs, step } from '../../support/case-steps.ts';
import { startEntryProcess, type EntryProcess } from '../../../infra/entry-process.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

// The worker runs as its own process (the production entry point, worker.ts) so it can be killed
// with SIGKILL mid-transition; the API and the SMTP server stay up in this process.
let sys: TestSystem;
const workers: EntryProcess[] = [];

async function startWorkerProcess() {
  const worker = await startEntryProcess(
    'start:worker',
    {
      DATABASE_URL: sys.db.url,
      TEMPORAL_ADDRESS: inject('temporalAddress'),
      TEMPORAL_NAMESPACE: sys.namespace,
      SMTP_URL: sys.smtp.url,
      LOG_LEVEL: 'info',
    },
    'worker polling',
  );
  workers.push(worker);
  return worker.child;
}

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename, { worker: false });
});
afterAll(async () => {
  for (const w of workers) await w.stop();
  await sys?.stop();
});

describe('a worker killed with SIGKILL mid-transition', () => {
  it(
    'loses nothing: every case completes, with no duplicate ledger rows and one mail-log row per notice',
    { timeout: 180_000 },
    async () => {
      const t0 = Date.now();
      const log = (m: string) => console.log(`[crash test +${Date.now() - t0} ms] ${m}`);
      const first = await startWorkerProcess();
      log('worker 1 up');
      const east = await sys.login('east@ledger.test');
      const district = await sys.login('district@ledger.test');
      const cases = [];
      for (let i = 0; i < 12; i++) cases.push(await fileAs(sys, east, { urgent: true, title: `Crash test case ${i}` }));

      log('filed');
      // Each step carries a key, so sending it again after a 503 is the same step, taken once.
      const solve = (c: { id: string; number: number }) =>
        step(sys, district, c.id, 'solve', { resolution: `Fixed ${c.number}` }, `solve-${c.id}`);
      const solving = cases.map((c) => solve(c).then((r) => r));
      await new Promise((r) => setTimeout(r, 150));
      first.kill('SIGKILL');
      await new Promise((r) => first.once('exit', r));
      log('worker 1 killed');
      await startWorkerProcess();
      log('worker 2 up');

      const outcomes = await Promise.all(solving);
      log(`solve answered: ${outcomes.map((o) => o.status).join(',')}`);
      for (const [i, res] of outcomes.entries()) {
        // A step no worker finished within the request's deadline is answered 503; Temporal may have
        // taken it already, so it is sent again with its key: it joins the first and goes through once.
        expect([200, 503]).toContain(res.status);
        if (res.status === 503) {
          let retry = await solve(cases[i]!);
          for (let n = 0; n < 5 && retry.status === 503; n++) retry = await solve(cases[i]!);
          expect(retry.status, JSON.stringify(retry.body)).toBe(200);
        }
      }
      for (const c of cases) expect((await step(sys, east, c.id, 'feedback', { satisfied: true })).status).toBe(200);
      log('feedback recorded');

      for (const c of cases) {
        await expect
          .poll(async () => (await sys.client.workflow.getHandle(`case-${c.id}`).describe()).status.name, { timeout: 90_000 })
          .toBe('COMPLETED');
        const events = await sys.db.prisma.caseEvent.findMany({ where: { caseId: c.id }, orderBy: { sequence: 'asc' } });
        expect(events.map((e) => [e.sequence, e.type])).toEqual([
          [1, 'filed'],
          [2, 'solved_at_district'],
          [3, 'reporter_satisfied'],
        ]);
      }
      expect(await sys.db.prisma.case.count({ where: { title: { startsWith: 'Crash test case' }, status: 'closed' } })).toBe(12);

      // Every notice (urgent filing, result, closed) is logged exactly once and reached the SMTP server.
      await expect.poll(() => sys.db.prisma.mailLog.count(), { timeout: 30_000 }).toBe(12 * 3);
      const logged = new Set((await sys.db.prisma.mailLog.findMany()).map((m) => m.messageId));
      await expect.poll(() => new Set(sys.smtp.mailbox.messages().map((m) => m.messageId)).size, { timeout: 30_000 }).toBe(logged.size);
      const received = sys.smtp.mailbox.messages();
      expect(new Set(received.map((m) => m.messageId))).toEqual(logged);
      // A repeat (worker killed after the SMTP server took the mail, before the log row) is the very
      // same message: same Message-ID, subject and recipients, so the receiving side drops it.
      const byId = new Map<string | null, string>();
      for (const mail of received) {
        const fingerprint = `${mail.subject}|${mail.to.join(',')}`;
        expect(byId.get(mail.messageId) ?? fingerprint).toBe(fingerprint);
        byId.set(mail.messageId, fingerprint);
      }
      console.log(`[crash test] ${received.length - logged.size} repeated deliveries of ${logged.size} notices`);
      await sys.assertReconciled();
    },
  );
});
