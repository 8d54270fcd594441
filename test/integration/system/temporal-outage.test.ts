import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../lib/config.ts';
import { filing } from '../../support/fixtures.ts';
import { startOnOwnDevServer, type OwnDevServer } from '../../support/own-dev-server.ts';
import type { TestSystem } from '../../support/system.ts';

// This file runs its own Temporal dev server (own port, own SQLite file, so its history survives a
// restart) and kills it with SIGKILL under a filing load; the shared dev server is never touched.
const FILINGS = 36;
const CONCURRENCY = 6;
const config = loadConfig({ LOG_LEVEL: 'silent' });
const PROMPTLY_MS = config.temporal.callDeadlineMs + 3_000;

let own: OwnDevServer;
let sys: TestSystem;

beforeAll(async () => {
  own = await startOnOwnDevServer(import.meta.filename);
  sys = own.sys;
});
afterAll(() => own?.stop());

type Attempt = { status: number; id?: string; ms: number };

describe('the Temporal server killed under a filing load and restarted', () => {
  it(
    'answers 503 (never 500) meanwhile; every 2xx filing is in the ledger; retries with the same keys make no duplicates',
    { timeout: 300_000 },
    async () => {
      const east = await sys.login('east@ledger.test');
      const keys = Array.from({ length: FILINGS }, (_, i) => `outage-${i}`);
      const body = (i: number) => filing({ urgent: i % 2 === 0, title: `Outage filing ${i}` });
      const file = async (i: number): Promise<Attempt> => {
        const started = Date.now();
        const res = await sys.http.post('/cases').set('Authorization', east).set('Idempotency-Key', keys[i]!).send(body(i));
        if (res.status === 503) expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
        return { status: res.status, id: res.body?.id, ms: Date.now() - started };
      };

      const first: Attempt[] = [];
      let next = 0;
      const load = Promise.all(
        Array.from({ length: CONCURRENCY }, async () => {
          while (next < FILINGS) {
            const i = next++;
            first[i] = await file(i);
          }
        }),
      );
      const count = (status: number) => first.filter((a) => a?.status === status).length;

      await expect.poll(() => count(201), { timeout: 60_000, interval: 50 }).toBeGreaterThanOrEqual(6);
      process.kill(own.server.pid!, 'SIGKILL');
      await own.server.exited;
      // Down long enough for filings to meet the outage, bounded in case the load ends first.
      await expect.poll(() => count(503) >= 4 || next >= FILINGS, { timeout: 60_000, interval: 100 }).toBe(true);
      await own.start();
      await load;

      const statuses = first.map((a) => a.status);
      expect(
        statuses.filter((s) => s !== 201 && s !== 503),
        statuses.join(','),
      ).toEqual([]);
      expect(count(503)).toBeGreaterThan(0);
      for (const a of first.filter((a) => a.status === 503)) expect(a.ms).toBeLessThan(PROMPTLY_MS);

      // After the restart every key is sent again, until the server and worker have caught up.
      const final: Attempt[] = [];
      for (let i = 0; i < FILINGS; i++) {
        let attempt = await file(i);
        for (let n = 0; n < 20 && attempt.status === 503; n++) {
          await new Promise((r) => setTimeout(r, 1_000));
          attempt = await file(i);
        }
        final[i] = attempt;
      }
      for (const [i, a] of final.entries()) {
        expect([200, 201], `filing ${i}`).toContain(a.status);
        // A filing answered 201 before the kill is the same case, already there.
        if (first[i]!.status === 201) expect(a).toMatchObject({ status: 200, id: first[i]!.id });
      }
      const rows = await sys.db.prisma.case.findMany({ where: { title: { startsWith: 'Outage filing' } }, select: { id: true } });
      expect(rows).toHaveLength(FILINGS);
      expect(new Set(rows.map((r) => r.id))).toEqual(new Set(final.map((a) => a.id)));
      console.log(`[temporal outage] first pass: ${count(201)} filed, ${count(503)} answered 503`);
      await expect.poll(() => sys.assertReconciled().then(() => true), { timeout: 30_000 }).toBe(true);
    },
  );
});
