import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedId } from '../../../domain/directory/seed.ts';
import { DEMO_MEMBERS, DEMO_SERVICE_RECORDS, seedDemoParty } from '../../../domain/party/demo-seed.ts';
import type { PartyDeps } from '../../../domain/party/scope.ts';
import { createLocalDirectoryStorage } from '../../../lib/storage.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

// `npm start`'s party demo (seeded in English here, as the tests read it): what each party screen
// shows a new user, through the API, and seeding twice adds nothing.
let sys: TestSystem;
let deps: PartyDeps;
const YEAR = 2101;
const EAST = seedId('ST-EAST');
const clock = { now: () => new Date(`${YEAR}-05-10T02:00:00Z`) };

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename, { clock });
  const storage = createLocalDirectoryStorage(mkdtempSync(path.join(tmpdir(), 'demo-seed-')));
  deps = { prisma: sys.db.prisma, temporal: sys.client, clock, storage, settings: sys.config.party };
  expect(await seedDemoParty(deps, 'en')).toEqual({ seeded: true });
});
afterAll(() => sys?.stop());

describe('the party demo', () => {
  it('gives East Street members in several states, records to confirm and a round in progress over its quota', async () => {
    const east = await sys.login('east@ledger.test');
    const members = await sys.http.get('/party/members').query({ side: 'community', limit: 100 }).set('Authorization', east);
    expect(members.body.total).toBe(9);
    const pending = await sys.http.get('/party/members').query({ side: 'community', status: 'pending' }).set('Authorization', east);
    expect(pending.body.items.map((m: { name: string }) => m.name)).toEqual(['Liu Qiang']);

    const records = await sys.http.get('/party/records').query({ limit: 100 }).set('Authorization', east);
    const states = records.body.items.map((r: { state: string }) => r.state).sort();
    expect(states).toEqual(['awaiting_confirmation', 'awaiting_confirmation', 'confirmed', 'confirmed', 'confirmed']);

    const round = await sys.http.get(`/party/rounds/${YEAR}/${EAST}`).set('Authorization', east);
    expect(round.body).toMatchObject({ phase: 'shortlisted', quota: 1, registeredCount: 7 });
    expect(round.body.nominations).toHaveLength(2);
    expect(round.body.allowedActions).toEqual(['shortlist', 'decide']);
  });

  it('gives the home units their members and branches, and West its own', async () => {
    const civil = await sys.login('civil@ledger.test');
    const branches = await sys.http.get('/party/branches').set('Authorization', civil);
    expect(branches.body.items.map((b: { name: string }) => b.name)).toEqual([
      'Civil Affairs Bureau First Branch',
      'Civil Affairs Bureau Second Branch',
    ]);
    const own = await sys.http.get('/party/members').query({ side: 'home_unit', limit: 100 }).set('Authorization', civil);
    expect(own.body.total).toBe(DEMO_MEMBERS.filter((m) => m.branch.startsWith('BR-CIVIL')).length);
    const west = await sys.login('west@ledger.test');
    const moved = await sys.http.get('/party/members').query({ side: 'community', q: 'Sun Jie' }).set('Authorization', west);
    expect(moved.body.items[0].registrations.map((r: { status: string }) => r.status)).toEqual(['ended', 'active']);
  });

  it('seeds once', async () => {
    expect(await seedDemoParty(deps, 'en')).toEqual({ seeded: false });
    expect(await sys.db.prisma.serviceRecord.count()).toBe(DEMO_SERVICE_RECORDS.length);
  });
});
