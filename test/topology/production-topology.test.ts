import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reconcile } from '../../domain/cases/reconcile.ts';
import { childProcessEnv } from '../../lib/config.ts';
import { TRANSITIONS, type CaseAction, type TransitionName } from '../../model/cases/lifecycle.ts';
import { step } from '../support/case-steps.ts';
import { filing, newKey } from '../support/fixtures.ts';
import { startTopology, type Topology } from './support/topology.ts';

// The production topology: the real Temporal server on PostgreSQL, the API and two workers each its
// own process, configured only by their environment. One worker is killed with SIGKILL while steps
// are in flight; the other must finish every case, and the ledger must reconcile with the workflows.
const CASES = 16;
const t0 = Date.now();
const log = (m: string) => console.log(`[topology +${Math.round((Date.now() - t0) / 1000)} s] ${m}`);
let topology: Topology;
/** Requests sent again after a 503, for the log. */
let resent = 0;

beforeAll(async () => {
  topology = await startTopology({ workerCount: 2, log });
}, 600_000);
afterAll(async () => {
  await topology?.stop();
});

/**
 * Sends a request again while it answers 503 (no worker answered within the API's deadline: workers
 * starting cold, or one just killed). It carries an Idempotency-Key, so a resend is the same filing or
 * step, taken once.
 */
async function untilAnswered(what: string, send: () => Promise<{ status: number; body: unknown }>, expected: number[]) {
  let res = await send();
  for (let retry = 0; retry < 12 && res.status === 503; retry++, resent++) res = await send();
  expect(expected, `${what}: ${res.status} ${JSON.stringify(res.body)}`).toContain(res.status);
  return res.body as { id: string; number: number; status: string };
}

const stepUntilAnswered = (token: string, caseId: string, action: CaseAction, body: Record<string, unknown>) =>
  untilAnswered(`${action} of ${caseId}`, () => step(topology, token, caseId, action, body, `${action}-${caseId}`), [200]);

function fileUntilAnswered(token: string, overrides: Record<string, unknown>) {
  const key = newKey();
  return untilAnswered(
    'filing',
    () => topology.http.post('/cases').set('Authorization', token).set('Idempotency-Key', key).send(filing(overrides)),
    // A filing sent again with its key answers the case it made: 200 rather than 201.
    [201, 200],
  );
}

/** The identities of the workers that completed a case workflow's tasks, in order. */
async function taskCompleters(caseId: string): Promise<string[]> {
  const history = await topology.client.workflow.getHandle(`case-${caseId}`).fetchHistory();
  return (history.events ?? []).flatMap((e) =>
    e.workflowTaskCompletedEventAttributes?.identity ? [e.workflowTaskCompletedEventAttributes.identity] : [],
  );
}

// Half the cases go to the city, half are solved by the district; the ledger events and notices each
// path must leave come from the transition table.
const PATHS: Record<'city' | 'district', TransitionName[]> = {
  city: ['fileUrgent', 'forward', 'resolve', 'reporterSatisfied'],
  district: ['fileUrgent', 'solve', 'reporterSatisfied'],
};
const pathOf = (i: number) => (i % 2 === 0 ? PATHS.city : PATHS.district);
const firstStepEvents = [TRANSITIONS.forward.event, TRANSITIONS.solve.event];

describe('the production topology', () => {
  it(
    'files and resolves cases through the API and two worker processes, loses nothing when one is killed mid-transition, and reconciles',
    { timeout: 420_000 },
    async () => {
      const east = await topology.login('east@ledger.test');
      const district = await topology.login('district@ledger.test');
      const city = await topology.login('city@ledger.test');
      const cases = await Promise.all(
        Array.from({ length: CASES }, (_, i) => fileUntilAnswered(east, { urgent: true, title: `Topology case ${i}` })),
      );
      expect(cases.map((c) => c.status)).toEqual(Array(CASES).fill('district_review'));
      log(`${CASES} cases filed`);

      // Both workers took filings; the one holding more cases is killed.
      const filedBy = new Map(await Promise.all(cases.map(async (c) => [c.id, (await taskCompleters(c.id))[0]!] as const)));
      const pidOf = (identity: string) => Number(identity.split('@')[0]);
      const held = topology.workers.map((w) => cases.filter((c) => pidOf(filedBy.get(c.id)!) === w.child.pid));
      expect(held.map((h) => h.length).reduce((a, b) => a + b)).toBe(CASES);
      expect(
        held.every((h) => h.length > 0),
        `filings per worker: ${held.map((h) => h.length)}`,
      ).toBe(true);
      const victimIndex = held[0]!.length >= held[1]!.length ? 0 : 1;
      const victim = topology.workers[victimIndex]!;
      const survivor = topology.workers[1 - victimIndex]!;

      // The first steps, all sent at once.
      const throughCity = (i: number) => pathOf(i) === PATHS.city;
      const firstSteps = cases.map((c, i) =>
        throughCity(i)
          ? stepUntilAnswered(district, c.id, 'forward', { summary: `Needs the city (${c.number})` })
          : stepUntilAnswered(district, c.id, 'solve', { resolution: `Fixed by the district (${c.number})` }),
      );
      const firstStepsDone = () => topology.prisma.caseEvent.count({ where: { type: { in: firstStepEvents } } });
      await expect.poll(firstStepsDone, { timeout: 60_000, interval: 20 }).toBeGreaterThan(0);
      victim.child.kill('SIGKILL');
      await new Promise((resolve) => victim.child.once('exit', resolve));
      const doneAtKill = new Set(
        (await topology.prisma.caseEvent.findMany({ where: { type: { in: firstStepEvents } }, select: { caseId: true } })).map(
          (e) => e.caseId,
        ),
      );
      log(`worker ${victim.child.pid} killed with ${doneAtKill.size} of ${CASES} first steps in the ledger`);
      // The kill came mid-transition: steps of cases the killed worker held were still to be taken.
      const strandedOnVictim = held[victimIndex]!.filter((c) => !doneAtKill.has(c.id));
      expect(strandedOnVictim.length).toBeGreaterThan(0);

      const afterFirst = await Promise.all(firstSteps);
      expect(afterFirst.map((v) => v.status)).toEqual(
        cases.map((_, i) => (throughCity(i) ? 'municipal_coordination' : 'awaiting_feedback')),
      );
      for (const [i, c] of cases.entries()) {
        if (throughCity(i))
          expect((await stepUntilAnswered(city, c.id, 'resolve', { resolution: `Fixed by the city (${c.number})` })).status).toBe(
            'awaiting_feedback',
          );
      }
      for (const c of cases) expect((await stepUntilAnswered(east, c.id, 'feedback', { satisfied: true })).status).toBe('closed');
      log(`every case resolved and closed (${resent} requests sent again after a 503)`);

      for (const c of cases) {
        await expect
          .poll(async () => (await topology.client.workflow.getHandle(`case-${c.id}`).describe()).status.name, { timeout: 90_000 })
          .toBe('COMPLETED');
      }
      // The survivor finished every case the killed worker held, the stranded ones included.
      for (const c of held[victimIndex]!) expect(pidOf((await taskCompleters(c.id)).at(-1)!)).toBe(survivor.child.pid);

      // The ledger: one row per case, closed, with each event once and in order.
      expect(await topology.prisma.case.count({ where: { title: { startsWith: 'Topology case' }, status: 'closed' } })).toBe(CASES);
      for (const [i, c] of cases.entries()) {
        const events = await topology.prisma.caseEvent.findMany({ where: { caseId: c.id }, orderBy: { sequence: 'asc' } });
        expect(events.map((e) => [e.sequence, e.type])).toEqual(pathOf(i).map((t, n) => [n + 1, TRANSITIONS[t].event]));
      }
      // Every notice logged reached the SMTP server (a repeat after the kill is the same message).
      const logged = new Set((await topology.prisma.mailLog.findMany()).map((m) => m.messageId));
      const notices = cases.reduce((sum, _, i) => sum + pathOf(i).reduce((n, t) => n + TRANSITIONS[t].notices.length, 0), 0);
      expect(logged.size).toBe(notices);
      await expect.poll(() => new Set(topology.smtp.mailbox.messages().map((m) => m.messageId)), { timeout: 30_000 }).toEqual(logged);

      // Reconcile as an operator does (`npm run reconcile`), once visibility has every workflow.
      await expect
        .poll(async () => (await topology.client.workflow.count('WorkflowType = "caseWorkflow"')).count, { timeout: 30_000 })
        .toBe(CASES);
      const { stdout } = await promisify(execFile)('npm', ['run', '--silent', 'reconcile'], { env: childProcessEnv(topology.env) });
      expect(stdout).toContain(`checked ${CASES} ledger rows and ${CASES} workflows`);
      expect(stdout).toContain('ledger and workflows agree');
      const report = await reconcile({ prisma: topology.prisma, temporal: topology.client }, { graceMs: 0 });
      expect(report).toEqual({ casesChecked: CASES, workflowsChecked: CASES, problems: [] });
    },
  );
});
