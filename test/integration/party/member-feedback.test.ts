import ExcelJS from 'exceljs';
import { type TestWorkflowEnvironment } from '@temporalio/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { FEEDBACK_HEADER } from '../../../domain/party/feedback-document.ts';
import { seedId } from '../../../domain/directory/seed.ts';
import { loadConfig } from '../../../lib/config.ts';
import { districtMoment } from '../../../lib/district-time.ts';
import { TASK_QUEUE, workflowIdForFeedback } from '../../../workflows/definitions.ts';
import type { FeedbackSnapshot } from '../../../model/party/feedback.ts';
import { fileAs } from '../../support/case-steps.ts';
import { downloadAs, recordAs, registerAs, serverClock } from '../../support/party-steps.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';
import { startTimeSkippingServer } from '../../support/time-skipping.ts';
import { newKey } from '../../support/fixtures.ts';

// A party member's year on the time-skipping test server, pinned to a far-future year: registration,
// records in two communities after a move, the year-end feedback mailed once to the home unit.
let env: TestWorkflowEnvironment;
let sys: TestSystem;
let time: ReturnType<typeof serverClock>;
const YEAR = 2101;
const at = (date: string, hour = 9) => districtMoment(date, hour, 480).getTime();
const CIVIL = seedId('DEPT-CIVIL');
const settings = loadConfig({}).party.feedback;

beforeAll(async () => {
  env = await startTimeSkippingServer();
  time = serverClock(env);
  // 00:30 on November 21 in the district is still November 20 in UTC.
  await time.advanceTo(at(`${YEAR}-11-21`, 0) + 30 * 60_000);
  sys = await startTestSystem(import.meta.filename, {
    temporal: { client: env.client, nativeConnection: env.nativeConnection },
    clock: time.clock,
  });
});
afterEach(() => sys.assertReconciled());
afterAll(async () => {
  await sys?.stop();
  await env?.teardown();
});

const feedbackMails = () => sys.smtp.mailbox.messages().filter((m) => m.subject.includes(`year-end feedback ${YEAR}`));
/** A fresh token: login tokens expire while the test server skips weeks. */
const as = (name: string) => sys.login(`${name}@ledger.test`);
const chaseMails = () => sys.smtp.mailbox.messages().filter((m) => m.subject.includes(`records ${YEAR}: `));

describe('a party member’s year and the year-end feedback to the home unit', () => {
  it('keeps records in two communities across a move and feeds them back once, before December 31', async () => {
    const east = await sys.login('east@ledger.test');
    const west = await sys.login('west@ledger.test');
    const civil = await sys.login('civil@ledger.test');
    const branch = await sys.http.post('/party/branches').set('Authorization', civil).send({ name: 'Civil Affairs First Branch' });
    expect(branch.status).toBe(201);
    const zhang = await registerAs(sys, east, {
      memberNumber: 'CA-0001',
      name: 'Zhang Min',
      homeUnitId: CIVIL,
      branchId: branch.body.id,
      contact: '138-0000-0001',
      communityId: seedId('COMM-EAST-ELM'),
      registeredOn: `${YEAR}-01-10`,
    });
    expect(zhang.registrations).toMatchObject([{ status: 'active' }]);
    const twice = await sys.http
      .post('/party/members')
      .set('Authorization', west)
      .send({
        memberNumber: 'CA-0001',
        name: 'Zhang Min',
        homeUnitId: CIVIL,
        communityId: seedId('COMM-WEST-PINE'),
        registeredOn: `${YEAR}-02-01`,
      });
    expect(twice.status).toBe(409);
    // The home unit registers its other member; the community's street accepts.
    const li = await registerAs(sys, civil, {
      memberNumber: 'CA-0002',
      name: 'Li Hua',
      homeUnitId: CIVIL,
      communityId: seedId('COMM-WEST-PINE'),
      registeredOn: `${YEAR}-03-01`,
    });
    expect(li.registrations).toMatchObject([{ status: 'pending' }]);
    expect((await sys.http.post(`/party/registrations/${li.registrations[0]!.id}/accept`).set('Authorization', east)).status).toBe(404);
    expect((await sys.http.post(`/party/registrations/${li.registrations[0]!.id}/accept`).set('Authorization', west)).status).toBe(200);

    const record = { memberId: zhang.id, kind: 'volunteer_service', hours: 2, account: 'Cleaned the river bank' };
    const problem = await fileAs(sys, east, { title: 'Feedback: broken railing on the bridge' });
    await recordAs(sys, east, {
      memberId: zhang.id,
      kind: 'problem_reported',
      servedOn: `${YEAR}-03-05`,
      account: 'Reported the railing',
      caseId: problem.id,
    });
    const westCase = await fileAs(sys, west, { title: 'Feedback: a case of another street' });
    const foreign = await sys.http
      .post('/party/records')
      .set('Authorization', east)
      .set('Idempotency-Key', newKey())
      .send({ memberId: zhang.id, kind: 'problem_reported', servedOn: `${YEAR}-03-06`, account: 'x', caseId: westCase.id });
    expect(foreign.status).toBe(404);

    // Zhang moves to West's Pine Hill on June 1; West accepts. East keeps the old records, West the new.
    const moved = await sys.http
      .post(`/party/members/${zhang.id}/move`)
      .set('Authorization', east)
      .send({ communityId: seedId('COMM-WEST-PINE'), movedOn: `${YEAR}-06-01` });
    expect(moved.status, JSON.stringify(moved.body)).toBe(200);
    const pending = moved.body.registrations.find((r: { status: string }) => r.status === 'pending');
    expect((await sys.http.post(`/party/registrations/${pending.id}/accept`).set('Authorization', west)).status).toBe(200);
    await recordAs(sys, east, { memberId: zhang.id, kind: 'visit', servedOn: `${YEAR}-05-20`, account: 'Visited elderly neighbours' });
    const tooLate = await sys.http
      .post('/party/records')
      .set('Authorization', east)
      .set('Idempotency-Key', newKey())
      .send({ ...record, servedOn: `${YEAR}-07-20` });
    expect(tooLate.status).toBe(403);
    await recordAs(sys, west, {
      memberId: zhang.id,
      kind: 'public_service_project',
      hours: 6,
      servedOn: `${YEAR}-07-15`,
      account: 'Built a reading corner',
    });
    // Dates are the district's: at 00:30 on the 21st, the 21st is today and the 22nd is the future.
    await recordAs(sys, west, { ...record, servedOn: `${YEAR}-11-21` });
    const future = await sys.http
      .post('/party/records')
      .set('Authorization', west)
      .set('Idempotency-Key', newKey())
      .send({ ...record, servedOn: `${YEAR}-11-22` });
    expect(future.status).toBe(400);
    expect(future.body.error.fields).toEqual([
      { path: 'body.servedOn', message: expect.stringContaining('future'), params: { today: `${YEAR}-11-21` } },
    ]);

    const byHomeUnit = await recordAs(sys, civil, {
      memberId: zhang.id,
      kind: 'volunteer_service',
      hours: 3,
      servedOn: `${YEAR}-08-01`,
      account: 'Flood watch',
    });
    expect(byHomeUnit.confirmed).toBe(false);
    // Before the feedback the home unit sees only what it entered itself.
    expect((await sys.http.get('/party/records').query({ year: YEAR }).set('Authorization', civil)).body.items).toHaveLength(1);
    const eastView = await sys.http.get(`/party/members/${zhang.id}`).set('Authorization', east);
    // East registered Zhang once but no longer holds them: the contact is masked.
    expect(eastView.body.contact).toBe('138****0001');
    expect(eastView.body.registrations.map((r: { status: string }) => r.status)).toEqual(['ended', 'active']);

    // Tokens expire while months pass: from here on every call logs in afresh.
    // December 1, 09:00: the Schedule's opener starts the year; West is chased for the unconfirmed record.
    await time.advanceTo(at(`${YEAR}-12-01`));
    const opener = await env.client.workflow.start('openMemberFeedbackWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: 'open-member-feedback-test',
      args: [{ settings }],
    });
    expect(await opener.result()).toEqual({ year: YEAR, started: true });
    const chase = await sys.smtp.mailbox.waitFor((m) => m.subject.includes(`records ${YEAR}: 1 record(s) to confirm`));
    expect(chase.to).toEqual(['west-street@ledger.test']);
    expect((await sys.http.post(`/party/records/${byHomeUnit.id}/confirm`).set('Authorization', await as('west'))).status).toBe(200);
    await time.advanceTo(at(`${YEAR}-12-08`) + 60_000);
    expect(chaseMails()).toHaveLength(1);

    // December 24, 09:00: compiled and mailed to the home unit's party organization, once.
    // (Exactly at the delivery timer: with no timer left after it, the test server could not skip further.)
    await time.advanceTo(at(`${YEAR}-12-24`));
    const year = env.client.workflow.getHandle(workflowIdForFeedback(YEAR));
    expect(await year.result()).toMatchObject<Partial<FeedbackSnapshot>>({ phase: 'delivered', deliveredUnitIds: [CIVIL], chaseRounds: 4 });
    const [mail] = feedbackMails();
    expect(mail!.to).toEqual(['civil-affairs-party@ledger.test']);
    const status = (await sys.http.get(`/party/feedback/${YEAR}`).set('Authorization', await as('civil'))).body;
    expect(status.deliveries).toEqual([expect.objectContaining({ homeUnitId: CIVIL, memberCount: 2, recordCount: 5, late: false })]);
    expect(Date.parse(status.deliveries[0].deliveredAt)).toBeLessThan(Date.parse(status.deadlineAt));

    const attachment = mail!.attachments[0]!;
    const download = await downloadAs(sys, await as('civil'), `/party/feedback/${YEAR}/units/${CIVIL}`);
    expect(download.status).toBe(200);
    expect(Buffer.compare(download.body as Buffer, attachment.content)).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(attachment.content as unknown as ArrayBuffer);
    const [header, ...rows] = (book.worksheets[0]!.getSheetValues() as unknown[][]).slice(1).map((r) => r.slice(1));
    expect(header).toEqual(FEEDBACK_HEADER);
    expect(rows.map((r) => [r[1], r[3], r[5]])).toEqual([
      ['Zhang Min', `${YEAR}-03-05`, 'Elm Road Community'],
      ['Zhang Min', `${YEAR}-05-20`, 'Elm Road Community'],
      ['Zhang Min', `${YEAR}-07-15`, 'Pine Hill Community'],
      ['Zhang Min', `${YEAR}-08-01`, 'Pine Hill Community'],
      ['Zhang Min', `${YEAR}-11-21`, 'Pine Hill Community'],
      ['Li Hua', undefined, undefined],
    ]);
    expect(rows[0]![9]).toBe(problem.number);
    expect(JSON.stringify(rows)).not.toContain('138-0000-0001');
    const print = await sys.http
      .get(`/party/feedback/${YEAR}/units/${CIVIL}`)
      .query({ format: 'html' })
      .set('Authorization', await as('civil'));
    expect(print.headers['content-type']).toContain('text/html');
    expect(print.text).toContain('Built a reading corner');
    expect(print.text).not.toContain('138-0000-0001');
    expect((await sys.http.get(`/party/feedback/${YEAR}/units/${CIVIL}`).set('Authorization', await as('west'))).status).toBe(404);
    expect((await sys.http.get(`/party/feedback/${YEAR}/units/${CIVIL}`).set('Authorization', await as('district'))).status).toBe(200);
    // Now the home unit reads its member's records from both communities.
    const fedBack = (
      await sys.http
        .get('/party/records')
        .query({ year: YEAR })
        .set('Authorization', await as('civil'))
    ).body.items;
    expect(fedBack).toHaveLength(5);
    expect(new Set(fedBack.map((r: { community: { name: string } }) => r.community.name))).toEqual(
      new Set(['Elm Road Community', 'Pine Hill Community']),
    );

    // Opening the year again, or running it again under another id (a backfill), sends nothing twice.
    expect((await sys.http.post(`/party/feedback/${YEAR}/open`).set('Authorization', await as('admin'))).body).toMatchObject({
      alreadyOpened: true,
    });
    const rerun = await env.client.workflow.start('memberFeedbackWorkflow', {
      taskQueue: TASK_QUEUE,
      workflowId: `${workflowIdForFeedback(YEAR)}-rerun`,
      args: [
        {
          year: YEAR,
          opensAt: new Date(at(`${YEAR}-12-01`)).toISOString(),
          deliverAt: new Date(at(`${YEAR}-12-24`)).toISOString(),
          deadlineAt: new Date(at(`${YEAR}-12-31`, 24)).toISOString(),
          chaseDays: 7,
          utcOffsetMinutes: 480,
        },
      ],
    });
    expect((await rerun.result()).deliveredUnitIds).toEqual([CIVIL]);
    expect(feedbackMails()).toHaveLength(1);
    expect(chaseMails()).toHaveLength(1);
    expect(await sys.db.prisma.memberFeedback.count()).toBe(1);
  });
});
