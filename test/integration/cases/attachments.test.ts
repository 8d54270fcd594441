import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fileAs } from '../../support/case-steps.ts';
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

const upload = (token: string, contentType: string, name: string, data: Buffer | string) =>
  sys.http
    .post(`/cases/${caseId}/attachments`)
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
    expect(statuses.filter((s) => s === 201)).toHaveLength(20);
    expect(statuses.filter((s) => s === 409)).toHaveLength(10);
    expect(responses.find((r) => r.status === 409)?.body.error.code).toBe('conflict');
    expect(await sys.db.prisma.attachment.count({ where: { caseId: crowded } })).toBe(20);
  });
});
