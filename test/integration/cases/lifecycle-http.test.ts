import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { districtDateOf } from '../../../lib/district-time.ts';
import { caseSnapshotQuery } from '../../../workflows/definitions.ts';
import { fileAs, historyTypes, step, stepOk } from '../../support/case-steps.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

let sys: TestSystem;
let east: string, west: string, district: string, city: string, northDistrict: string;

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename);
  east = await sys.login('east@ledger.test');
  west = await sys.login('west@ledger.test');
  district = await sys.login('district@ledger.test');
  city = await sys.login('city@ledger.test');
  northDistrict = await sys.login('north-district@ledger.test');
});
afterEach(() => sys.assertReconciled());
afterAll(() => sys?.stop());

const workflowStatus = async (caseId: string) => (await sys.client.workflow.getHandle(`case-${caseId}`).describe()).status.name;

describe('street -> district -> municipal -> back to the reporter', () => {
  it('closes when the reporter is satisfied with the municipal result, mailing each handover', async () => {
    const filed = await fileAs(sys, east, {
      title: 'Flooded underpass on Canal Street',
      reporter: { name: 'Zhang Min', email: 'zhang@example.test' },
    });
    expect(filed.status).toBe('awaiting_submission');
    const submitted = await stepOk(sys, east, filed.id, 'submit');
    expect(submitted).toMatchObject({ status: 'district_review', responsibleLevel: 'district', overdue: false });
    expect(submitted.dueAt).not.toBeNull();
    expect(submitted.calendarVersion).toBe(0);

    // The city sees nothing until the district forwards it.
    expect((await sys.http.get(`/cases/${filed.id}`).set('Authorization', city)).status).toBe(404);
    const forwarded = await stepOk(sys, district, filed.id, 'forward', { summary: 'Needs the city water bureau.' });
    const where = await sys.client.workflow.getHandle(`case-${filed.id}`).query(caseSnapshotQuery);
    expect(where).toMatchObject({
      status: 'municipal_coordination',
      responsibleLevel: 'municipal',
      nextActions: { municipal_liaison: ['assign', 'note', 'resolve', 'declareUnsolvable', 'take', 'assignOwner', 'release'] },
    });
    expect(forwarded).toMatchObject({ status: 'municipal_coordination', responsibleLevel: 'municipal' });
    expect(Date.parse(forwarded.dueAt)).toBeGreaterThan(Date.parse(submitted.dueAt));
    await sys.smtp.mailbox.waitFor(
      (m) => m.subject.includes('forwarded for municipal coordination') && m.to.includes('city-org@ledger.test'),
    );

    const cityView = await sys.http.get(`/cases/${filed.id}`).set('Authorization', city);
    expect(cityView.status).toBe(200);
    expect(cityView.body.allowedActions).toEqual(['assign', 'note', 'resolve', 'declareUnsolvable', 'take', 'assignOwner', 'attach']);
    await stepOk(sys, city, filed.id, 'assign', { coordinatingBody: 'Municipal Water Bureau' });
    await stepOk(sys, city, filed.id, 'note', { note: 'Pump ordered.' });
    const resolved = await stepOk(sys, city, filed.id, 'resolve', { resolution: 'Drainage pump installed.' });
    expect(resolved).toMatchObject({
      status: 'awaiting_feedback',
      responsibleLevel: 'street',
      details: { coordinatingBody: 'Municipal Water Bureau' },
    });
    const result = await sys.smtp.mailbox.waitFor((m) => m.subject.includes(`Case #${filed.number} result`));
    expect(result.to).toEqual(['district-org@ledger.test', 'east-street@ledger.test', 'east@ledger.test', 'zhang@example.test']);
    expect(result.text).toContain('Drainage pump installed.');

    const closed = await stepOk(sys, east, filed.id, 'feedback', { satisfied: true });
    expect(closed).toMatchObject({ status: 'closed', details: { closedBecause: 'reporter_satisfied', feedback: { satisfied: true } } });
    expect(closed.closedAt).not.toBeNull();
    expect(historyTypes(closed)).toEqual([
      'filed',
      'submitted_to_district',
      'forwarded_to_municipal',
      'coordinator_assigned',
      'progress_note',
      'resolved_by_municipal',
      'reporter_satisfied',
    ]);
    expect(closed.history.at(-1)).toMatchObject({ fromStatus: 'awaiting_feedback', toStatus: 'closed', actorRole: 'street_staff' });
    await expect.poll(() => workflowStatus(filed.id)).toBe('COMPLETED');
    expect((await step(sys, east, filed.id, 'feedback', { satisfied: true })).status).toBe(409);
  });

  it('reopens at the level that resolved it when the reporter is not satisfied', async () => {
    const filed = await fileAs(sys, east, { urgent: true, title: 'Broken playground swing' });
    expect(filed.status).toBe('district_review');
    await stepOk(sys, district, filed.id, 'solve', { resolution: 'Swing replaced by the district.' });
    const reopened = await stepOk(sys, east, filed.id, 'feedback', { satisfied: false, reason: 'The new swing is also broken.' });
    expect(reopened).toMatchObject({ status: 'district_review', responsibleLevel: 'district', details: { reopenCount: 1 } });
    await sys.smtp.mailbox.waitFor((m) => m.subject.includes('reopened') && m.to.includes('district-org@ledger.test'));

    await stepOk(sys, district, filed.id, 'forward', { summary: 'Needs the city.' });
    await stepOk(sys, city, filed.id, 'resolve', { resolution: 'New equipment installed.' });
    const again = await stepOk(sys, east, filed.id, 'feedback', { satisfied: false, reason: 'Still wobbly.' });
    expect(again).toMatchObject({ status: 'municipal_coordination', details: { reopenCount: 2 } });
    expect(historyTypes(again)).toEqual([
      'filed',
      'solved_at_district',
      'reopened',
      'forwarded_to_municipal',
      'resolved_by_municipal',
      'reopened',
    ]);
  });

  it('lets the city declare a case unsolvable, saying whom to turn to', async () => {
    const filed = await fileAs(sys, east, { urgent: true, title: 'Private land dispute' });
    await stepOk(sys, district, filed.id, 'forward', { summary: 'Outside district powers.' });
    const declared = await stepOk(sys, city, filed.id, 'declareUnsolvable', {
      reason: 'A court matter.',
      referTo: 'District People’s Court',
    });
    expect(declared).toMatchObject({
      status: 'awaiting_feedback',
      details: { resolution: { level: 'municipal', solved: false, referTo: 'District People’s Court' } },
    });
  });
});

describe('district triage', () => {
  it('returns a case for more information, pausing its deadline, and takes the edited resubmission', async () => {
    const filed = await fileAs(sys, east, { urgent: true, title: 'Noise from a building site' });
    const before = (await sys.http.get(`/cases/${filed.id}`).set('Authorization', east)).body;
    const returned = await stepOk(sys, district, filed.id, 'return', { questions: 'Which site, and at what hours?' });
    expect(returned).toMatchObject({
      status: 'returned_for_info',
      responsibleLevel: 'street',
      dueAt: null,
      details: { questions: 'Which site, and at what hours?' },
    });
    const mail = await sys.smtp.mailbox.waitFor((m) => m.subject.includes(`Case #${filed.number} returned`));
    expect(mail.text).toContain('Which site, and at what hours?');
    expect(returned.allowedActions).toEqual([]);
    expect((await sys.http.get(`/cases/${filed.id}`).set('Authorization', east)).body.allowedActions).toEqual([
      'resubmit',
      'note',
      'take',
      'assignOwner',
      'attach',
    ]);

    const resubmitted = await stepOk(sys, east, filed.id, 'resubmit', {
      comment: 'Answered.',
      edits: { location: 'Lot 7, Harbour Road', description: 'Piling from 22:00 to 02:00 every night.' },
    });
    expect(resubmitted).toMatchObject({
      status: 'district_review',
      location: 'Lot 7, Harbour Road',
      description: 'Piling from 22:00 to 02:00 every night.',
    });
    // The deadline moved by the time the case spent with the street.
    expect(Date.parse(resubmitted.dueAt)).toBeGreaterThanOrEqual(Date.parse(before.dueAt));
  });

  it('rejects with a reason the filer can read, and the case is closed for good', async () => {
    const filed = await fileAs(sys, east, { urgent: true, title: 'Request for a new stadium' });
    const rejected = await stepOk(sys, district, filed.id, 'reject', {
      reason: 'Not a public-service problem; apply for planning instead.',
    });
    expect(rejected).toMatchObject({
      status: 'rejected',
      details: { rejectionReason: 'Not a public-service problem; apply for planning instead.' },
    });
    const filerView = await sys.http.get(`/cases/${filed.id}`).set('Authorization', east);
    expect(filerView.body.details.rejectionReason).toContain('apply for planning');
    await sys.smtp.mailbox.waitFor((m) => m.subject.includes(`Case #${filed.number} rejected`) && m.to.includes('east@ledger.test'));
    await expect.poll(() => workflowStatus(filed.id)).toBe('COMPLETED');
    const late = await step(sys, district, filed.id, 'forward', { summary: 'x' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('invalid_transition');
  });

  it('merges a duplicate into an open case; the duplicate closes with its primary', async () => {
    const primary = await fileAs(sys, east, { urgent: true, title: 'Potholes on Harbour Road', location: 'Harbour Road 10-80' });
    const duplicate = await fileAs(sys, west, { urgent: true, title: 'Potholes along Harbour Road', location: 'Harbour Road 10-80' });
    // West learns East's case number (the district merges by it), never East's text.
    const suggestion = duplicate.possibleDuplicates.find((d) => d.number === primary.number);
    expect(suggestion).toEqual({
      number: primary.number,
      score: expect.any(Number),
      reasons: expect.arrayContaining([{ part: 'place', shared: [] }]),
    });

    const merged = await stepOk(sys, district, duplicate.id, 'merge', { primaryCaseId: primary.id, comment: 'Same road works.' });
    // Both sides name each other by number; the district sees both cases, so it gets their ids and titles too.
    const primaryLink = { id: primary.id, number: primary.number, title: 'Potholes on Harbour Road' };
    const duplicateLink = { id: duplicate.id, number: duplicate.number, title: 'Potholes along Harbour Road' };
    expect(merged).toMatchObject({ status: 'merged', mergedInto: primaryLink, duplicates: [] });
    expect(merged.details).not.toHaveProperty('mergedIntoCaseId');
    expect(merged.history.at(-1)).toMatchObject({ type: 'merged', comment: 'Same road works.', linkedCase: primaryLink });
    await expect
      .poll(async () => (await sys.http.get(`/cases/${primary.id}`).set('Authorization', district)).body.duplicates)
      .toEqual([duplicateLink]);
    const primaryView = (await sys.http.get(`/cases/${primary.id}`).set('Authorization', district)).body;
    expect(primaryView.mergedInto).toBeNull();
    expect(primaryView.details).not.toHaveProperty('duplicateCaseIds');
    // The primary's history names the duplicate by its number, not by a raw id.
    expect(primaryView.history.at(-1)).toMatchObject({ type: 'duplicate_attached', comment: null, linkedCase: duplicateLink });
    // Each street sees only the other's number: no id to open, no text.
    const westView = (await sys.http.get(`/cases/${duplicate.id}`).set('Authorization', west)).body;
    expect(westView.mergedInto).toEqual({ number: primary.number });
    expect(JSON.stringify(westView)).not.toContain(primary.id);
    const eastView = (await sys.http.get(`/cases/${primary.id}`).set('Authorization', east)).body;
    expect(eastView.duplicates).toEqual([{ number: duplicate.number }]);
    expect(eastView.history.at(-1).linkedCase).toEqual({ number: duplicate.number });
    expect(JSON.stringify(eastView)).not.toContain(duplicate.id);

    await stepOk(sys, district, primary.id, 'solve', { resolution: 'Road resurfaced.' });
    await stepOk(sys, east, primary.id, 'feedback', { satisfied: true });
    await expect.poll(async () => (await sys.http.get(`/cases/${duplicate.id}`).set('Authorization', west)).body.status).toBe('closed');
    const closedDuplicate = (await sys.http.get(`/cases/${duplicate.id}`).set('Authorization', west)).body;
    expect(closedDuplicate.details.closedBecause).toBe('primary_closed');
    // The duplicate keeps its primary's result: the ledger, Annex 3 and the closing mail all say where it went and how it ended.
    const carried = `merged into #${primary.number}: resolved: Road resurfaced.`;
    expect(closedDuplicate.details.primaryOutcome).toMatchObject({
      number: primary.number,
      status: 'closed',
      resolution: { solved: true },
    });
    expect(closedDuplicate.history.at(-1)).toMatchObject({ type: 'closed_with_primary', comment: carried });
    const annex3 = await sys.http.get('/exports/annex3?format=csv&lang=en').set('Authorization', district);
    expect(annex3.text.split('\n').find((line) => line.startsWith(`${duplicate.number},`))).toContain(carried);
    const closing = await sys.smtp.mailbox.waitFor((m) => m.subject.includes(`Case #${duplicate.number} closed`));
    expect(closing.text).toContain(carried);
  });

  it('a duplicate of a rejected case closes saying it was rejected, and why', async () => {
    const primary = await fileAs(sys, east, { urgent: true, title: 'Noise from a private party' });
    const duplicate = await fileAs(sys, west, { urgent: true, title: 'Party noise again' });
    await stepOk(sys, district, duplicate.id, 'merge', { primaryCaseId: primary.id });
    await expect
      .poll(async () => (await sys.http.get(`/cases/${primary.id}`).set('Authorization', district)).body.duplicates)
      .toEqual([{ id: duplicate.id, number: duplicate.number, title: 'Party noise again' }]);
    await stepOk(sys, district, primary.id, 'reject', { reason: 'A private matter, not a public service.' });
    await expect.poll(async () => (await sys.http.get(`/cases/${duplicate.id}`).set('Authorization', west)).body.status).toBe('closed');
    const closed = (await sys.http.get(`/cases/${duplicate.id}`).set('Authorization', west)).body;
    expect(closed.history.at(-1).comment).toBe(`merged into #${primary.number}: rejected: A private matter, not a public service.`);
    const zh = await sys.http.get('/exports/annex3?format=csv&lang=zh').set('Authorization', district);
    expect(zh.text).toContain(`已并入#${primary.number}：不予受理：A private matter, not a public service.`);
  });

  it('refuses a merge into itself or into a case outside the district', async () => {
    const a = await fileAs(sys, east, { urgent: true, title: 'Fallen tree' });
    const self = await step(sys, district, a.id, 'merge', { primaryCaseId: a.id });
    expect(self.status).toBe(400);
    expect(self.body.error.fields[0].path).toBe('body.primaryCaseId');
    const north = await fileAs(sys, await sys.login('north@ledger.test'), { urgent: true, title: 'Fallen tree north' });
    expect((await step(sys, district, a.id, 'merge', { primaryCaseId: north.id })).status).toBe(400);
    expect((await step(sys, northDistrict, a.id, 'merge', { primaryCaseId: north.id })).status).toBe(404);
  });
});

describe('wrong role, wrong state, bad command', () => {
  it('answers 403 for a role that may not take the step, 409 for a state that does not allow it', async () => {
    const filed = await fileAs(sys, east);
    expect((await step(sys, district, filed.id, 'submit')).status).toBe(403);
    expect((await step(sys, east, filed.id, 'forward', { summary: 'x' })).status).toBe(403);
    const early = await step(sys, district, filed.id, 'forward', { summary: 'Too early' });
    expect(early.status).toBe(409);
    expect(early.body.error).toMatchObject({
      message: expect.stringContaining('awaiting submission'),
      params: { state: 'awaiting_submission' },
    });
    expect((await step(sys, east, filed.id, 'feedback', { satisfied: true })).status).toBe(409);
  });

  it('validates each step’s body and refuses fields the caller may not set', async () => {
    const filed = await fileAs(sys, east, { urgent: true });
    const missing = await step(sys, district, filed.id, 'forward', {});
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields[0].path).toBe('body.summary');
    const smuggled = await step(sys, district, filed.id, 'reject', { reason: 'no', status: 'closed', actor: { role: 'admin' } });
    expect(smuggled.status).toBe(400);
    expect(JSON.stringify(smuggled.body.error.fields)).toContain('actor');
    await stepOk(sys, district, filed.id, 'solve', { resolution: 'Done.' });
    const noReason = await step(sys, east, filed.id, 'feedback', { satisfied: false });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields[0].path).toBe('body.reason');
  });
});

describe('GET /cases', () => {
  it('filters, searches, paginates with a cursor, and stays within the caller’s scope', async () => {
    const mine = [];
    for (let i = 0; i < 5; i++) mine.push(await fileAs(sys, west, { title: `Paging test item ${i}`, category: 'paging' }));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: { status: number; body: { items: Array<{ id: string; filingUnit: { code: string } }>; nextCursor: string | null } } =
        await sys.http
          .get('/cases')
          .query({ q: 'Paging test', limit: 2, ...(cursor ? { cursor } : {}) })
          .set('Authorization', west);
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...res.body.items.map((c) => c.id));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(mine.map((c) => c.id).reverse());

    const eastView = await sys.http.get('/cases').query({ q: 'Paging test' }).set('Authorization', east);
    expect(eastView.body.items).toEqual([]);
    const districtView = await sys.http
      .get('/cases')
      .query({ q: 'Paging test', status: 'awaiting_submission', kind: 'hard_problem', urgent: 'false' })
      .set('Authorization', district);
    expect(districtView.body.items).toHaveLength(5);
    expect(
      (await sys.http.get('/cases').query({ q: 'Paging test', status: 'closed' }).set('Authorization', district)).body.items,
    ).toHaveLength(0);
    expect(
      (await sys.http.get('/cases').query({ q: 'Paging test', overdue: 'true' }).set('Authorization', district)).body.items,
    ).toHaveLength(0);
    // The district days the five were filed on (from the ledger, not this machine's clock; the hours
    // where the district's date is not UTC's are pinned in district-dates.test.ts).
    const [firstDay, lastDay] = [mine[0]!, mine.at(-1)!].map((c) => districtDateOf(new Date(c.filedAt), 480));
    expect(
      (await sys.http.get('/cases').query({ q: 'Paging test', filedFrom: firstDay, filedTo: lastDay }).set('Authorization', district)).body
        .items,
    ).toHaveLength(5);
    expect(
      (await sys.http.get('/cases').query({ q: 'Paging test', filedTo: '2020-01-01' }).set('Authorization', district)).body.items,
    ).toHaveLength(0);
  });

  it('rejects unknown filters and bad values with field paths', async () => {
    const res = await sys.http.get('/cases').query({ status: 'lost', limit: 1000, colour: 'red' }).set('Authorization', district);
    expect(res.status).toBe(400);
    const paths = res.body.error.fields.map((f: { path: string }) => f.path);
    expect(paths).toEqual(expect.arrayContaining(['query.status.0', 'query.limit', 'query']));
    const cursor = await sys.http.get('/cases').query({ cursor: 'garbage' }).set('Authorization', district);
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.fields[0].path).toBe('query.cursor');
  });
});
