import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedId } from '../../../domain/directory/seed.ts';
import { addLeader, recordActivity } from '../../support/leader-steps.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

// The API's "today" is pinned: 2099-03-02, 10:00 in the district (UTC+8); the reminder days are 09-01 and 11-01.
const NOW = new Date('2099-03-02T02:00:00Z');
let sys: TestSystem;
let civil: string, east: string;

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename, { clock: { now: () => NOW } });
  [civil, east] = (await Promise.all(['civil@ledger.test', 'east@ledger.test'].map((email) => sys.login(email)))) as [string, string];
});
// No reconciliation: the projects below are ledger rows written without workflows behind them.
afterAll(() => sys?.stop());

type Paged<T> = { items: T[]; total: number; limit: number; offset: number };

/** Every page of a list, `limit` rows at a time, checking each page's total and place. */
async function allPages<T>(path: string, token: string, query: Record<string, string | number>, limit: number) {
  const pages: Array<Paged<T>> = [];
  for (let offset = 0; ; offset += limit) {
    const res = await sys.http
      .get(path)
      .query({ ...query, limit, offset })
      .set('Authorization', token);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    pages.push(res.body as Paged<T>);
    expect(res.body).toMatchObject({ limit, offset, total: pages[0]!.total });
    if (offset + limit >= res.body.total) return pages;
  }
}

const leader = (name: string, rank: 'principal' | 'team_member') => ({
  name,
  post: 'Deputy Director',
  rank,
  reportsToUnitId: seedId('ST-EAST'),
});

describe('paged lists with their totals', () => {
  const principals = ['Bai Lin', 'Du Fang', 'Gao Ming'];
  const teamMembers = ['He Yun', 'Jiang Tao'];
  let bai: { id: string };

  beforeAll(async () => {
    for (const name of principals) await addLeader(sys, civil, leader(name, 'principal'));
    for (const name of teamMembers) await addLeader(sys, civil, leader(name, 'team_member'));
    bai = (await sys.http.get('/leaders').query({ rank: 'principal', limit: 1 }).set('Authorization', civil)).body.items[0];
  });

  it('leaders a page at a time, in one order, with the total, what awaits confirmation and the reminder days ahead', async () => {
    const pages = await allPages<{ name: string }>('/leaders', civil, {}, 2);
    expect(pages.map((p) => p.items.map((l) => l.name))).toEqual([['Bai Lin', 'Du Fang'], ['Gao Ming', 'He Yun'], ['Jiang Tao']]);
    expect(pages[0]).toMatchObject({ total: 5, year: 2099, remindersAhead: ['2099-09-01', '2099-11-01'] });

    // Principal leaders owe the quotas and have done nothing; team members owe nothing. Paged after the standing is counted.
    const behind = await allPages<{ name: string }>('/leaders', civil, { behind: 'true' }, 2);
    expect(behind.flatMap((p) => p.items.map((l) => l.name))).toEqual(principals);
    expect(behind[0]!.total).toBe(3);
    const notBehind = await allPages<{ name: string }>('/leaders', civil, { behind: 'false', rank: 'team_member' }, 1);
    expect(notBehind.map((p) => p.items.map((l) => l.name))).toEqual([['He Yun'], ['Jiang Tao']]);
    const pastTheEnd = await sys.http.get('/leaders').query({ offset: 10 }).set('Authorization', civil);
    expect(pastTheEnd.body).toMatchObject({ items: [], total: 5 });
    const tooMany = await sys.http.get('/leaders').query({ limit: 101 }).set('Authorization', civil);
    expect({ status: tooMany.status, fields: tooMany.body.error.fields.map((f: { path: string }) => f.path) }).toEqual({
      status: 400,
      fields: ['query.limit'],
    });

    expect(
      (await recordActivity(sys, civil, bai.id, { kind: 'research_visit', occurredOn: '2099-03-01', placeUnitId: seedId('ST-EAST') }))
        .status,
    ).toBe(201);
    const view = await sys.http.get(`/leaders/${bai.id}`).set('Authorization', civil);
    expect(view.body.waiting).toMatchObject({ research_visit: 1, party_lecture: 0, public_service_project: 0 });
    expect(view.body.record.standing.done.research_visit).toBe(0);
    expect(view.body.remindersAhead).toEqual(['2099-09-01', '2099-11-01']);
  });

  it('the street’s inbox a page at a time, newest first', async () => {
    for (const occurredOn of ['2099-02-10', '2099-02-20', '2099-02-28'])
      expect((await recordActivity(sys, civil, bai.id, { kind: 'party_lecture', occurredOn, placeUnitId: seedId('ST-EAST') })).status).toBe(
        201,
      );
    const pages = await allPages<{ occurredOn: string }>('/leader-activities', east, { review: 'pending', place: seedId('ST-EAST') }, 3);
    expect(pages.map((p) => p.items.map((a) => a.occurredOn))).toEqual([['2099-03-01', '2099-02-28', '2099-02-20'], ['2099-02-10']]);
    expect(pages[0]!.total).toBe(4);
  });

  it('claimable projects (none claimed yet, open, of the district) and the unit’s claimed ones, each with its total', async () => {
    const claim = {
      unitId: seedId('DEPT-CIVIL'),
      unitName: 'District Civil Affairs Bureau',
      leaderId: bai.id,
      leaderName: 'Bai Lin',
      claimedAt: '2099-02-01T02:00:00.000Z',
      claimedByUserId: seedId('user:civil@ledger.test'),
    };
    const project = (title: string, status: 'district_review' | 'closed', details: object) => {
      const id = randomUUID();
      return sys.db.prisma.case.create({
        data: {
          id,
          workflowId: `case-${id}`,
          idempotencyKey: id,
          requestHash: 'test',
          filingUnitId: seedId('ST-EAST'),
          filedByUserId: seedId('user:east@ledger.test'),
          kind: 'unclaimed_project',
          urgent: false,
          title,
          description: 'A public-service project',
          category: 'community',
          location: 'East Street',
          foundOn: new Date('2099-01-10T00:00:00Z'),
          triedLocally: 'Nothing yet',
          helpNeeded: 'Someone to lead it',
          reporterName: 'Residents',
          status,
          details,
          filedAt: new Date('2099-01-15T02:00:00Z'),
          updatedAt: NOW,
          closedAt: status === 'closed' ? NOW : null,
        },
      });
    };
    for (const title of ['Lamps on Well Lane', 'Benches by the canal', 'A ramp at the clinic']) await project(title, 'district_review', {});
    await project('Already led: the reading room', 'district_review', { claim });
    await project('Closed before anyone claimed it', 'closed', {});

    const claimable = await allPages<{ title: string }>('/public-service-projects', civil, { state: 'claimable' }, 2);
    expect(claimable.map((p) => p.items.map((c) => c.title))).toEqual([
      ['Lamps on Well Lane', 'Benches by the canal'],
      ['A ramp at the clinic'],
    ]);
    expect(claimable[0]!.total).toBe(3);
    // The claim step is offered from the case's table while nobody has claimed a project, and not after.
    expect(claimable.flatMap((p) => p.items.map((c) => (c as unknown as { allowedActions: string[] }).allowedActions))).toEqual([
      ['claim'],
      ['claim'],
      ['claim'],
    ]);
    const claimed = await allPages<{ title: string }>('/public-service-projects', civil, { state: 'claimed' }, 2);
    expect(claimed).toEqual([
      expect.objectContaining({ total: 1, items: [expect.objectContaining({ title: 'Already led: the reading room' })] }),
    ]);
  });

  it('previews an appendix as the file’s cells: its title, header and rows in the asked language', async () => {
    const preview = await sys.http.get('/appendices/1').query({ year: 2099, format: 'table', lang: 'en' }).set('Authorization', civil);
    expect(preview.status).toBe(200);
    expect(preview.body.title).toBe('Appendix 1 Leaders’ four leads');
    expect(preview.body.header.slice(0, 6)).toEqual(['Unit', 'Name', 'Post', 'Rank', 'Reports to', 'Planning meetings: required']);
    expect(preview.body.rows.map((r: string[]) => `${r[1]}: ${r[3]}`).sort()).toEqual([
      ...principals.map((name) => `${name}: Principal`),
      ...teamMembers.map((name) => `${name}: Team member`),
    ]);
    const zh = await sys.http.get('/appendices/2').query({ year: 2099, format: 'table' }).set('Authorization', civil);
    expect(zh.body.header[0]).toBe('单位');
    expect(zh.body.rows.at(-1)[0]).toBe('合计');
  });
});
