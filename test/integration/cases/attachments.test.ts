import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fileAs, historyTypes, step, stepOk } from '../../support/case-steps.ts';
import { PNG_BYTES } from '../../support/fixtures.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

let sys: TestSystem;
let east: string;
let caseId: string;

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename);
  east = await sys.login('east@ledger.test');
  caseId = (await fileAs(sys, east, { urgent: true, title: 'Case with photos' })).id;
});
afterEach(() => sys.assertReconciled());
afterAll(() => sys?.stop());

const upload = (token: string, contentType: string, name: string, data: Buffer | string, to = caseId) =>
  sys.http
    .post(`/cases/${to}/attachments`)
    .set('Authorization', token)
    .set('Content-Type', contentType)
    .set('X-File-Name', name)
    .send(data);

describe('attachments', () => {
  it('stores a photo, lists it on the case and serves the same bytes back', async () => {
    const res = await upload(east, 'image/png', 'pothole 1.png', PNG_BYTES);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ fileName: 'pothole 1.png', contentType: 'image/png', sizeBytes: PNG_BYTES.length });
    const view = await sys.http.get(`/cases/${caseId}`).set('Authorization', east);
    expect(view.body.attachments).toEqual([expect.objectContaining({ id: res.body.id, sha256: res.body.sha256 })]);

    const district = await sys.login('district@ledger.test');
    const download = await sys.http
      .get(`/cases/${caseId}/attachments/${res.body.id}`)
      .set('Authorization', district)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''pothole%201.png");
    expect(Buffer.compare(download.body as Buffer, PNG_BYTES)).toBe(0);
  });

  it('refuses types it does not keep (415), content that lies about its type (415), and oversized files (413)', async () => {
    const exe = await upload(east, 'application/x-msdownload', 'run.exe', Buffer.from('MZ'));
    expect(exe.status).toBe(415);
    expect(exe.body.error.code).toBe('unsupported_media_type');
    const fake = await upload(east, 'image/png', 'fake.png', Buffer.from('not a png at all'));
    expect(fake.status).toBe(415);
    const huge = await upload(east, 'image/png', 'huge.png', Buffer.concat([PNG_BYTES, Buffer.alloc(11 * 1024 * 1024)]));
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('payload_too_large');
  });

  it('requires a plain file name and a non-empty body', async () => {
    const noName = await sys.http
      .post(`/cases/${caseId}/attachments`)
      .set('Authorization', east)
      .set('Content-Type', 'image/png')
      .send(PNG_BYTES);
    expect(noName.status).toBe(400);
    expect(noName.body.error.fields[0].path).toBe('headers.x-file-name');
    const sneaky = await upload(east, 'image/png', '../../etc/passwd', PNG_BYTES);
    expect(sneaky.status).toBe(400);
    const empty = await upload(east, 'text/plain', 'empty.txt', '');
    expect(empty.status).toBe(400);
  });

  it('hides another unit’s case and unknown attachments', async () => {
    const west = await sys.login('west@ledger.test');
    expect((await upload(west, 'image/png', 'x.png', PNG_BYTES)).status).toBe(404);
    const missing = await sys.http.get(`/cases/${caseId}/attachments/00000000-0000-4000-8000-000000000000`).set('Authorization', east);
    expect(missing.status).toBe(404);
  });
});

describe('the attachment cap under concurrency', () => {
  it('30 parallel uploads to one case store exactly 20; the rest are refused with 409', async () => {
    const crowded = (await fileAs(sys, east, { urgent: true, title: 'Case with a crowd of photos' })).id;
    const responses = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        sys.http
          .post(`/cases/${crowded}/attachments`)
          .set('Authorization', east)
          .set('Content-Type', 'image/png')
          .set('X-File-Name', `crowd-${i}.png`)
          .send(PNG_BYTES),
      ),
    );
    const statuses = responses.map((r) => r.status);
    const refusals = responses.filter((r) => r.status !== 201).map((r) => `${r.status} ${JSON.stringify(r.body)}`);
    expect(
      statuses.filter((s) => s === 201),
      refusals.join('\n'),
    ).toHaveLength(20);
    expect(statuses.filter((s) => s === 409)).toHaveLength(10);
    expect(responses.find((r) => r.status === 409)?.body.error.code).toBe('conflict');
    expect(await sys.db.prisma.attachment.count({ where: { caseId: crowded } })).toBe(20);
    // Every file kept is in the history, once, and only those (recorded as the workflow hears of them).
    const kept = responses.filter((r) => r.status === 201).map((r) => r.body.id as string);
    const recordedFiles = async () => {
      const view = await sys.http.get(`/cases/${crowded}`).set('Authorization', east);
      const history = view.body.history as Array<{ type: string; attachments: Array<{ id: string }> }>;
      return history.filter((e) => e.type === 'attachment_added').map((e) => e.attachments[0]?.id);
    };
    await expect.poll(async () => (await recordedFiles()).sort(), { timeout: 30_000 }).toEqual(kept.sort());
  });
});

describe('notes and files after filing', () => {
  it('lets the filing unit add both at any open status, the district and the city while they hold the case, all in the history', async () => {
    const district = await sys.login('district@ledger.test');
    const city = await sys.login('city@ledger.test');
    const west = await sys.login('west@ledger.test');
    const id = (await fileAs(sys, east, { urgent: true, title: 'Collapsed drain cover' })).id;

    // With the district: the filing unit and the district add notes and files.
    const noted = await stepOk(sys, east, id, 'note', { note: 'Residents put up a warning sign.' });
    expect(noted.history.at(-1)).toMatchObject({ type: 'progress_note', actorRole: 'street_staff', actor: { name: 'East Street clerk' } });
    const photo = await upload(east, 'image/png', 'sign.png', PNG_BYTES, id);
    expect(photo.status, JSON.stringify(photo.body)).toBe(201);
    expect((await upload(district, 'image/png', 'survey.png', PNG_BYTES, id)).status).toBe(201);
    expect((await upload(west, 'image/png', 'other unit.png', PNG_BYTES, id)).status).toBe(404);
    expect((await step(sys, west, id, 'note', { note: 'not ours' })).status).toBe(404);

    // With the city: the district no longer adds anything; the filing unit still does.
    await stepOk(sys, district, id, 'forward', { summary: 'Needs the city.' });
    expect((await upload(district, 'image/png', 'late.png', PNG_BYTES, id)).status).toBe(409);
    expect((await step(sys, district, id, 'note', { note: 'late' })).status).toBe(409);
    expect((await upload(east, 'image/png', 'week two.png', PNG_BYTES, id)).status).toBe(201);
    await stepOk(sys, east, id, 'note', { note: 'Still open a week later.' });
    const view = await stepOk(sys, city, id, 'note', { note: 'Works ordered.' });
    expect(view.attachments).toHaveLength(3);
    expect(historyTypes(view)).toEqual([
      'filed',
      'progress_note',
      'attachment_added',
      'attachment_added',
      'forwarded_to_municipal',
      'attachment_added',
      'progress_note',
      'progress_note',
    ]);
    expect(view.history[2]).toMatchObject({
      actorRole: 'street_staff',
      comment: 'sign.png',
      attachments: [{ id: photo.body.id, fileName: 'sign.png' }],
    });

    // Closed: nobody adds anything any more.
    await stepOk(sys, city, id, 'resolve', { resolution: 'Cover replaced.' });
    await stepOk(sys, east, id, 'feedback', { satisfied: true });
    expect((await upload(east, 'image/png', 'after.png', PNG_BYTES, id)).status).toBe(409);
    expect((await step(sys, east, id, 'note', { note: 'after' })).status).toBe(409);
  });

  it('answers the district’s questions with files added to the case, named in the resubmission', async () => {
    const district = await sys.login('district@ledger.test');
    const id = (await fileAs(sys, east, { urgent: true, title: 'Cracked retaining wall' })).id;
    await stepOk(sys, district, id, 'return', { questions: 'Send a photo of the crack.' });
    const answer = await upload(east, 'image/png', 'crack.png', PNG_BYTES, id);
    expect(answer.status).toBe(201);
    const foreign = await step(sys, east, id, 'resubmit', {
      attachmentIds: [(await upload(east, 'image/png', 'x.png', PNG_BYTES)).body.id],
    });
    expect(foreign.status).toBe(400);
    expect(foreign.body.error.fields).toEqual([expect.objectContaining({ path: 'body.attachmentIds' })]);
    const resubmitted = await stepOk(sys, east, id, 'resubmit', { comment: 'Photo attached.', attachmentIds: [answer.body.id] });
    expect(resubmitted.history.at(-1)).toMatchObject({
      type: 'resubmitted',
      comment: 'Photo attached.',
      attachments: [{ id: answer.body.id, fileName: 'crack.png' }],
    });
  });
});
