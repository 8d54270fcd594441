import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ANNEX3_COLUMNS } from '../../../domain/exports/annex3.ts';
import { seedId } from '../../../domain/directory/seed.ts';
import { fileAs } from '../../support/case-steps.ts';
import { downloadAs, registerAs } from '../../support/party-steps.ts';
import { readCsv } from '../../support/spreadsheets.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

// Reporters' and members' contacts are shown whole only to the unit that holds them (the filing unit;
// the member's home unit and current street/park), and masked to everyone else, in every output.
let sys: TestSystem;
const tokens: Record<string, string> = {};
const PHONE = '13912345678';
const MASKED = '139****5678';
const EMAIL = 'li.wei@example.test';
const MASKED_EMAIL = 'l****@example.test';
let caseId = '';
let memberId = '';

const get = (who: string, path: string, query: Record<string, string> = {}) =>
  sys.http.get(path).query(query).set('Authorization', tokens[who]!);

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename);
  for (const who of ['east', 'west', 'civil', 'district', 'admin']) tokens[who] = await sys.login(`${who}@ledger.test`);
  caseId = (
    await fileAs(sys, tokens.east!, {
      urgent: true,
      title: 'Privacy: reporter',
      reporter: { name: 'Li Wei', contact: PHONE, email: EMAIL },
    })
  ).id;
  memberId = (
    await registerAs(sys, tokens.civil!, {
      memberNumber: 'PI-001',
      name: 'Privacy Member',
      homeUnitId: seedId('DEPT-CIVIL'),
      contact: PHONE,
      email: EMAIL,
      communityId: seedId('COMM-EAST-ELM'),
      registeredOn: '2020-01-10',
    })
  ).id;
});
afterEach(() => sys.assertReconciled());
afterAll(() => sys?.stop());

describe('a reporter’s contact', () => {
  it('is whole for the filing unit and masked for the district, in the case view and the case list', async () => {
    const own = await get('east', `/cases/${caseId}`);
    expect(own.body.reporter).toEqual({ name: 'Li Wei', contact: PHONE, email: EMAIL });
    const ownList = await get('east', '/cases', { q: 'Privacy' });
    expect(ownList.body.items.find((c: { id: string }) => c.id === caseId).reporter.contact).toBe(PHONE);

    const district = await get('district', `/cases/${caseId}`);
    expect(district.status).toBe(200);
    expect(district.body.reporter).toEqual({ name: 'Li Wei', contact: MASKED, email: MASKED_EMAIL });
    const districtList = await get('district', '/cases', { q: 'Privacy' });
    expect(districtList.body.items.find((c: { id: string }) => c.id === caseId).reporter).toEqual(district.body.reporter);
    expect(JSON.stringify(districtList.body)).not.toContain(PHONE);

    const admin = await get('admin', `/cases/${caseId}`);
    expect(admin.body.reporter.contact).toBe(MASKED);
    expect((await get('west', `/cases/${caseId}`)).status).toBe(404);
  });

  it('is whole in the filing unit’s export and masked in the district’s', async () => {
    const column = ANNEX3_COLUMNS.findIndex((c) => c.en === 'Reporter contact');
    const title = ANNEX3_COLUMNS.findIndex((c) => c.en === 'Project or problem');
    const rowOf = async (who: string) => {
      const res = await downloadAs(sys, tokens[who]!, '/exports/annex3', { format: 'csv', lang: 'en' });
      expect(res.status).toBe(200);
      const [, ...rows] = await readCsv(res.body as Buffer);
      return rows.find((r) => r[title] === 'Privacy: reporter')!;
    };
    expect((await rowOf('east'))[column]).toBe(`${PHONE} ${EMAIL}`);
    expect((await rowOf('district'))[column]).toBe(`${MASKED} ${MASKED_EMAIL}`);
  });
});

describe('a member’s contact', () => {
  it('is whole for the home unit and the current street/park, masked for the district, in the view and the list', async () => {
    for (const holder of ['civil', 'east']) {
      const view = await get(holder, `/party/members/${memberId}`);
      expect({ holder, contact: view.body.contact, email: view.body.email }).toEqual({ holder, contact: PHONE, email: EMAIL });
      const list = await get(holder, '/party/members', { q: 'PI-001' });
      expect({ holder, contact: list.body.items[0].contact }).toEqual({ holder, contact: PHONE });
    }
    const district = await get('district', `/party/members/${memberId}`);
    expect({ contact: district.body.contact, email: district.body.email }).toEqual({ contact: MASKED, email: MASKED_EMAIL });
    const list = await get('district', '/party/members', { q: 'PI-001' });
    expect(list.body.items[0].contact).toBe(MASKED);
    expect(JSON.stringify(list.body)).not.toContain(PHONE);
  });
});

describe('the access log', () => {
  type Entry = { user: { id: string; name: string }; kind: string; subjectId: string | null; detail: unknown; requestId: string | null };
  const entries = async (query: Record<string, string>) => {
    const res = await get('admin', '/admin/access-log', { limit: '100', ...query });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body as { items: Entry[]; total: number };
  };

  it('records each view of a contact shown whole, with the request id, and never a masked one', async () => {
    const before = (await entries({ subject: caseId })).total;
    const view = await get('east', `/cases/${caseId}`);
    await get('district', `/cases/${caseId}`);
    const after = await entries({ subject: caseId });
    expect(after.total).toBe(before + 1);
    expect(after.items[0]).toMatchObject({
      user: { name: 'East Street clerk' },
      kind: 'case_reporter',
      subjectId: caseId,
      requestId: view.headers['x-request-id'],
    });

    const memberBefore = (await entries({ subject: memberId })).total;
    await get('civil', `/party/members/${memberId}`);
    await get('east', '/party/members', { q: 'PI-001' });
    await get('district', `/party/members/${memberId}`);
    const memberAfter = await entries({ subject: memberId, kind: 'member_contact' });
    expect(memberAfter.total).toBe(memberBefore + 2);
    expect(memberAfter.items.slice(0, 2).map((e) => e.user.name)).toEqual(['East Street clerk', expect.stringMatching(/civil/i)]);
  });

  it('records each export: a direct download with its filter, a queued job by its id', async () => {
    const before = (await entries({ kind: 'ledger_export' })).total;
    expect((await downloadAs(sys, tokens.district!, '/exports/annex3', { format: 'csv', lang: 'zh', cycle: '2020-H1' })).status).toBe(200);
    const job = await sys.http.post('/exports/jobs').set('Authorization', tokens.district!).send({ format: 'xlsx', lang: 'en' });
    expect(job.status, JSON.stringify(job.body)).toBe(202);
    const after = await entries({ kind: 'ledger_export' });
    expect(after.total).toBe(before + 2);
    expect(after.items.slice(0, 2)).toEqual([
      expect.objectContaining({ subjectId: job.body.id, detail: { format: 'xlsx', lang: 'en', filter: {} } }),
      expect.objectContaining({ subjectId: null, detail: { format: 'csv', lang: 'zh', filter: { cycle: '2020-H1' } } }),
    ]);
  });

  it('is for admins only', async () => {
    const res = await get('district', '/admin/access-log');
    expect(res.status).toBe(403);
  });

  it('refuses UPDATE, DELETE and TRUNCATE at the database', async () => {
    const count = async () =>
      (await sys.db.prisma.$queryRaw<Array<{ n: number }>>`SELECT count(*)::int AS n FROM personal_data_access_log`)[0]!.n;
    const before = await count();
    expect(before).toBeGreaterThan(0);
    await expect(sys.db.prisma.$executeRaw`UPDATE personal_data_access_log SET request_id = 'rewritten'`).rejects.toThrow(
      /append-only: UPDATE refused/,
    );
    await expect(sys.db.prisma.$executeRaw`DELETE FROM personal_data_access_log`).rejects.toThrow(/append-only: DELETE refused/);
    await expect(sys.db.prisma.$executeRaw`TRUNCATE personal_data_access_log`).rejects.toThrow(/append-only: TRUNCATE refused/);
    expect(await count()).toBe(before);
  });
});
