import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import supertest from 'supertest';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { freePort } from '../../../infra/free-port.ts';
import { startEntryProcess, type EntryProcess } from '../../../infra/entry-process.ts';
import { DEMO_PASSWORD } from '../../support/database.ts';
import { filing, newKey } from '../../support/fixtures.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

// The API and a worker as production runs them (`npm run start:api`, `npm run start:worker`), at the
// most talkative level: everything they write is JSON lines that name the request, the user, the
// case and the workflow, and nothing they write holds a reporter's contact details, a password or a token.
const PHONE = '13912345678';
const EMAIL = 'zhang.sanfeng@example.test';
const FILING_REQUEST = 'logs-test-filing-1';
const STEP_REQUEST = 'logs-test-step-1';

let system: TestSystem;
let api: EntryProcess;
let worker: EntryProcess;
let http: ReturnType<typeof supertest>;
const written = { api: '', worker: '' };

beforeAll(async () => {
  system = await startTestSystem(import.meta.filename, { worker: false });
  const port = await freePort();
  const env = {
    DATABASE_URL: system.db.url,
    TEMPORAL_ADDRESS: inject('temporalAddress'),
    TEMPORAL_NAMESPACE: system.namespace,
    SMTP_URL: system.smtp.url,
    FILES_DIR: mkdtempSync(path.join(tmpdir(), 'logs-files-')),
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'debug',
  };
  api = await startEntryProcess('start:api', env, 'api listening', { onOutput: (chunk) => (written.api += chunk) });
  worker = await startEntryProcess('start:worker', env, 'worker polling', { onOutput: (chunk) => (written.worker += chunk) });
  http = supertest(`http://127.0.0.1:${port}`);
});

afterAll(async () => {
  await worker?.stop();
  await api?.stop();
  await system?.stop();
});

type Line = Record<string, unknown> & { level: string; time: string; msg: string };
const linesOf = (text: string): Line[] =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      try {
        return JSON.parse(line) as Line;
      } catch {
        throw new Error(`not a JSON line: ${line}`);
      }
    });

async function login(email: string) {
  const res = await http.post('/auth/login').send({ email, password: DEMO_PASSWORD });
  expect(res.status).toBe(200);
  return res.body.token as string;
}

describe('the logs of the API and a worker', () => {
  it('are JSON lines naming request, user, case and workflow, carry the request id into the workflow and its activities, and hold no contact detail, password or token', async () => {
    const east = await login('east@ledger.test');
    const filed = await http
      .post('/cases')
      .set('Authorization', `Bearer ${east}`)
      .set('Idempotency-Key', newKey())
      .set('X-Request-Id', FILING_REQUEST)
      .send(filing({ urgent: true, reporter: { name: 'Zhang Sanfeng', contact: PHONE, email: EMAIL } }));
    expect(filed.status).toBe(201);
    expect(filed.headers['x-request-id']).toBe(FILING_REQUEST);
    const caseId = filed.body.id as string;

    const district = await login('district@ledger.test');
    const solved = await http
      .post(`/cases/${caseId}/solve`)
      .set('Authorization', `Bearer ${district}`)
      .set('X-Request-Id', STEP_REQUEST)
      .send({ resolution: `Fixed; told the reporter on ${PHONE}` });
    expect(solved.status).toBe(200);
    // A refusal quotes nothing of what it refused in the log either.
    const refused = await http
      .post('/cases')
      .set('Authorization', `Bearer ${east}`)
      .set('Idempotency-Key', newKey())
      .send({ ...filing(), reporter: { name: 'Zhang Sanfeng', phone: PHONE, email: EMAIL } });
    expect(refused.status).toBe(400);
    expect(refused.headers['x-request-id']).toBe(refused.body.error.requestId);

    const users = await system.db.prisma.user.findMany({ where: { email: { in: ['east@ledger.test', 'district@ledger.test'] } } });
    const userId = (email: string) => users.find((u) => u.email === email)!.id;
    const completed = (activityType: string, requestId: string) =>
      linesOf(written.worker).filter((l) => l.activityType === activityType && l.requestId === requestId && l.msg === 'Activity completed');
    // Both events are projected and their notices handed to the mail server, each under its own request.
    for (const requestId of [FILING_REQUEST, STEP_REQUEST])
      for (const activityType of ['projectCaseEvent', 'sendCaseNotice'])
        await expect
          .poll(() => completed(activityType, requestId).length, { timeout: 30_000, message: `${activityType} of ${requestId}` })
          .toBeGreaterThan(0);

    const apiLines = linesOf(written.api);
    const workerLines = linesOf(written.worker);
    for (const line of [...apiLines, ...workerLines]) {
      expect(line.time).toMatch(/^\d{4}-\d\d-\d\dT/);
      expect(['debug', 'info', 'warn', 'error']).toContain(line.level);
      expect(typeof line.msg).toBe('string');
    }

    // The API: one line per answer, with the request id, the user, the declared route and the case.
    const requestLine = (requestId: string) => apiLines.find((l) => l.msg === 'request' && l.requestId === requestId);
    expect(requestLine(FILING_REQUEST)).toMatchObject({
      service: 'api',
      userId: userId('east@ledger.test'),
      route: '/cases',
      req: { method: 'POST', path: '/cases' },
      res: { status: 201 },
    });
    expect(requestLine(STEP_REQUEST)).toMatchObject({
      userId: userId('district@ledger.test'),
      route: '/cases/:id/solve',
      caseId,
      res: { status: 200 },
    });
    expect(requestLine(refused.body.error.requestId)).toMatchObject({ res: { status: 400 } });

    // The worker: the workflow's activities log under the request that caused them, with case and workflow.
    for (const requestId of [FILING_REQUEST, STEP_REQUEST])
      expect(completed('projectCaseEvent', requestId)[0], requestId).toMatchObject({
        service: 'worker',
        caseId,
        workflowId: `case-${caseId}`,
        workflowType: 'caseWorkflow',
      });

    // Nothing personal or secret, in any form, in either log.
    for (const [name, text] of Object.entries(written)) {
      for (const secret of [PHONE, EMAIL, 'Zhang Sanfeng', DEMO_PASSWORD, east, district])
        expect(text.includes(secret), `${name} log holds ${secret}`).toBe(false);
    }
  });
});
