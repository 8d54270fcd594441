import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { commendationHeader } from '../../../domain/party/commendations.ts';
import { seedId } from '../../../domain/directory/seed.ts';
import { workflowIdForRound } from '../../../workflows/definitions.ts';
import { fileAs } from '../../support/case-steps.ts';
import { downloadAs, registerAs } from '../../support/party-steps.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';
import { newKey } from '../../support/fixtures.ts';

// The 15 % recommendation of one street over HTTP: quota, nominations, over-quota refused,
// returned and resubmitted, approved, home units informed, the July 1 list exported and read back.
let sys: TestSystem;
let east: string, west: string, district: string;
const YEAR = 2101;
const EAST = seedId('ST-EAST');
const CIVIL = seedId('DEPT-CIVIL');
const round = `/party/rounds/${YEAR}/${EAST}`;
const memberIds: string[] = [];
let branchId: string;
let westMemberId: string;

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename);
  east = await sys.login('east@ledger.test');
  west = await sys.login('west@ledger.test');
  district = await sys.login('district@ledger.test');
  const civil = await sys.login('civil@ledger.test');
  branchId = (await sys.http.post('/party/branches').set('Authorization', civil).send({ name: 'Civil Affairs Second Branch' })).body.id;
  // Fourteen members registered with East: 15 % is 2.1, so at most 2 may be recommended.
  for (let i = 1; i <= 14; i++) {
    const member = await registerAs(sys, east, {
      memberNumber: `R-${String(i).padStart(3, '0')}`,
      name: `Member ${i}`,
      homeUnitId: i === 2 ? seedId('ST-WEST') : CIVIL,
      ...(i === 2 ? {} : { branchId }),
      contact: `139-0000-00${String(i).padStart(2, '0')}`,
      communityId: seedId(i % 2 ? 'COMM-EAST-ELM' : 'COMM-EAST-RIVER'),
      registeredOn: '2020-01-10',
    });
    memberIds.push(member.id);
  }
  westMemberId = (
    await registerAs(sys, west, {
      memberNumber: 'W-001',
      name: 'West Resident',
      homeUnitId: CIVIL,
      communityId: seedId('COMM-WEST-PINE'),
      registeredOn: '2020-01-10',
    })
  ).id;
});
afterEach(() => sys.assertReconciled());
afterAll(() => sys?.stop());

const post = (token: string, path: string, body: Record<string, unknown> = {}) =>
  sys.http.post(`${round}/${path}`).set('Authorization', token).send(body);
const member = (n: number) => `member:${memberIds[n - 1]}`;

describe('the yearly 15 % recommendation round', () => {
  it('refuses bad input with 4xx: a future registration date, a second registration', async () => {
    const body = { memberNumber: 'R-999', name: 'Later', homeUnitId: CIVIL, communityId: seedId('COMM-EAST-ELM') };
    const future = await sys.http
      .post('/party/members')
      .set('Authorization', east)
      .send({ ...body, registeredOn: '2999-01-01' });
    expect(future.status).toBe(400);
    expect(future.body.error.fields[0].path).toBe('body.registeredOn');
    const twice = await sys.http
      .post('/party/members')
      .set('Authorization', west)
      .send({ ...body, memberNumber: 'R-001', communityId: seedId('COMM-WEST-PINE'), registeredOn: '2020-02-01' });
    expect(twice.status).toBe(409);
    expect(twice.body.error.message).toContain('already registered');
    const unknownField = await sys.http
      .post('/party/members')
      .set('Authorization', east)
      .send({ ...body, registeredOn: '2020-01-01', status: 'active' });
    expect(unknownField.status).toBe(400);
  });

  it('runs from nomination to the July 1 list', async () => {
    const opened = await sys.http.post(`/party/rounds/${YEAR}/open`).set('Authorization', east);
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect(opened.body).toMatchObject({ phase: 'nominating', registeredCount: 14, quota: 2 });
    expect((await sys.http.post(`/party/rounds/${YEAR}/open`).set('Authorization', east)).body.quota).toBe(2);

    const nominate = (subjectId: string, source: string, kind = 'member') =>
      post(east, 'nominations', { kind, subjectId, source, reason: `Good work of ${subjectId.slice(0, 4)}` });
    expect((await nominate(memberIds[0]!, 'residents')).status).toBe(200);
    expect((await nominate(memberIds[0]!, 'organization')).status).toBe(200);
    expect((await nominate(memberIds[0]!, 'residents')).status).toBe(409);
    await nominate(memberIds[1]!, 'residents');
    await nominate(memberIds[2]!, 'organization');
    await nominate(branchId, 'organization', 'branch');
    const outsider = await nominate(westMemberId, 'residents');
    expect(outsider.status).toBe(400);
    expect(outsider.body.error.fields).toEqual([{ path: 'body.subjectId', message: 'no party member registered with this street/park' }]);

    const all = [member(1), member(2), member(3), `branch:${branchId}`];
    expect((await post(east, 'shortlist', { subjectKeys: all })).body.phase).toBe('shortlisted');
    expect((await post(east, 'decision', { selected: all, note: 'All four' })).status).toBe(200);
    const overQuota = await post(east, 'submission');
    expect(overQuota.status).toBe(409);
    expect(overQuota.body.error).toMatchObject({
      code: 'quota_exceeded',
      message: expect.stringContaining('3 members selected, at most 2'),
      params: expect.objectContaining({ selected: 3, quota: 2 }),
    });

    const twoAndBranch = [member(1), member(2), `branch:${branchId}`];
    await post(east, 'decision', { selected: twoAndBranch });
    const submitted = await post(east, 'submission');
    expect(submitted.body).toMatchObject({ phase: 'submitted', selectedMembers: 2, late: false });
    await sys.smtp.mailbox.waitFor(
      (m) => m.subject.includes(`${YEAR}: East Street Office submitted its list (3)`) && m.to.includes('district-org@ledger.test'),
    );
    expect((await post(west, 'approve')).status).toBe(403);
    expect((await post(await sys.login('north-district@ledger.test'), 'approve')).status).toBe(404);
    const returned = await post(district, 'return', { reason: 'Explain the branch' });
    expect(returned.body).toMatchObject({ phase: 'returned', returnReason: 'Explain the branch' });
    await sys.smtp.mailbox.waitFor(
      (m) => m.subject.includes('the district returned your list') && m.to.includes('east-street@ledger.test'),
    );

    await post(east, 'decision', { selected: twoAndBranch, note: 'The branch ran the flood watch' });
    expect((await post(east, 'submission')).status).toBe(200);
    const approved = await post(district, 'approve');
    expect(approved.body.phase).toBe('approved');
    expect((await post(district, 'approve')).status).toBe(409);
    expect(await sys.client.workflow.getHandle(workflowIdForRound(YEAR, EAST)).result()).toMatchObject({ phase: 'approved' });

    // Each home unit is told once: the bureau of its member and its branch, West of its own employee.
    const informed = sys.smtp.mailbox.messages().filter((m) => m.subject.includes(`${YEAR}: recommended by East Street Office`));
    expect(informed.map((m) => m.to).sort()).toEqual([['civil-affairs-party@ledger.test'], ['west-street@ledger.test']]);
    expect(informed.find((m) => m.to.includes('civil-affairs-party@ledger.test'))!.text).toContain('branch Civil Affairs Second Branch');

    const csv = await downloadAs(sys, district, `/party/commendations/${YEAR}`, { format: 'csv', lang: 'en' });
    expect(csv.status).toBe(200);
    const text = (csv.body as Buffer).toString('utf8').replace(/^\uFEFF/, '');
    const [header, ...rows] = text.trim().split('\r\n');
    expect(header).toBe(commendationHeader('en').join(','));
    expect(rows).toHaveLength(3);
    expect(rows.filter((r) => r.includes('Outstanding party member,'))).toHaveLength(2);
    expect(rows.find((r) => r.includes('Outstanding party branch'))).toContain('Civil Affairs Second Branch');
    expect(text).not.toMatch(/139-0000/);

    const xlsx = await downloadAs(sys, east, `/party/commendations/${YEAR}`, { format: 'xlsx', lang: 'zh' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.read(Readable.from([xlsx.body as Buffer]));
    const sheet = book.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(commendationHeader('zh'));
    expect(sheet.rowCount).toBe(4);
    expect((sheet.getRow(2).values as unknown[]).slice(1, 3)).toEqual(['East Street Office', '优秀共产党员']);
    // Another street's list holds none of East's.
    const westList = await downloadAs(sys, west, `/party/commendations/${YEAR}`, { format: 'csv', lang: 'en' });
    expect((westList.body as Buffer).toString('utf8').trim().split('\r\n')).toHaveLength(1);
  });

  it('records service funds for a public-service project, shown on its case', async () => {
    const project = await fileAs(sys, east, { kind: 'unclaimed_project', title: 'Funds: a reading corner nobody claimed' });
    const grant = {
      amount: 1250.5,
      purpose: 'Books and shelves',
      approvedBy: 'Elm Road community party committee',
      approvedOn: '2020-05-01',
    };
    const funded = await sys.http
      .post(`/cases/${project.id}/funds`)
      .set('Authorization', east)
      .set('Idempotency-Key', newKey())
      .send(grant);
    expect(funded.status, JSON.stringify(funded.body)).toBe(201);
    await sys.http
      .post(`/cases/${project.id}/funds`)
      .set('Authorization', east)
      .set('Idempotency-Key', newKey())
      .send({ ...grant, amount: 49.5 });
    const shown = await sys.http.get(`/cases/${project.id}/funds`).set('Authorization', district);
    expect(shown.body).toMatchObject({
      totalAmount: 1300,
      items: [{ amount: 1250.5, approvedBy: grant.approvedBy }, { amount: 49.5 }],
      allowedActions: [],
    });
    // The street whose ledger holds the project is offered to record more; the district only reads.
    expect((await sys.http.get(`/cases/${project.id}/funds`).set('Authorization', east)).body.allowedActions).toEqual(['record']);
    expect((await sys.http.get(`/cases/${project.id}/funds`).set('Authorization', west)).status).toBe(404);
    const future = await sys.http
      .post(`/cases/${project.id}/funds`)
      .set('Authorization', east)
      .set('Idempotency-Key', newKey())
      .send({ ...grant, approvedOn: '2999-01-01' });
    expect(future.body.error.fields[0].path).toBe('body.approvedOn');
    const problem = await fileAs(sys, east, { title: 'Funds: a hard problem is not a project' });
    expect((await sys.http.get(`/cases/${problem.id}/funds`).set('Authorization', east)).body.allowedActions).toEqual([]);
    expect(
      (await sys.http.post(`/cases/${problem.id}/funds`).set('Authorization', east).set('Idempotency-Key', newKey()).send(grant)).status,
    ).toBe(400);
  });
});
