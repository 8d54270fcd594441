import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedId } from '../../../domain/directory/seed.ts';
import { fileAs, step, stepOk } from '../../support/case-steps.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

let sys: TestSystem;
let east: string, district: string, northDistrict: string, north: string, admin: string, city: string;

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename);
  east = await sys.login('east@ledger.test');
  district = await sys.login('district@ledger.test');
  northDistrict = await sys.login('north-district@ledger.test');
  north = await sys.login('north@ledger.test');
  admin = await sys.login('admin@ledger.test');
  city = await sys.login('city@ledger.test');
});
afterEach(() => sys.assertReconciled());
afterAll(() => sys?.stop());

const keep = (token: string, body: Record<string, unknown>) => sys.http.post('/stock-replies').set('Authorization', token).send(body);
const offered = async (token: string, caseId: string, stepName: string) => {
  const res = await sys.http.get(`/cases/${caseId}/stock-replies`).query({ step: stepName }).set('Authorization', token);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body.items as Array<{ id: string; name: string; text: { zh: string; en: string } }>;
};

describe('stock replies', () => {
  it('are kept by admins for every district and by officers for their own, offered by step, category and district with the placeholders filled', async () => {
    const everywhere = await keep(admin, {
      name: '补充照片',
      step: 'return',
      textZh: '请为第{number}号案件补充现场照片（{unit}），期限{deadline}',
      textEn: 'Please add photos of the site to case {number} ({unit}) by {deadline}',
    });
    expect(everywhere.status, JSON.stringify(everywhere.body)).toBe(201);
    expect(everywhere.body).toMatchObject({ districtId: null, editable: true, category: null });
    const own = await keep(district, {
      name: 'Roads: ask for the road number',
      step: 'return',
      category: 'infrastructure',
      textZh: '请说明道路编号',
      textEn: 'Which road is it? Give its number',
    });
    expect(own.status, JSON.stringify(own.body)).toBe(201);
    expect(own.body.districtId).toBe(seedId('DIST'));
    const otherCategory = await keep(district, {
      name: 'Schools',
      step: 'return',
      category: 'education',
      textZh: '学校',
      textEn: 'School',
    });
    expect(otherCategory.status).toBe(201);
    const northOwn = await keep(northDistrict, { name: 'North only', step: 'return', textZh: '北区', textEn: 'North' });
    expect(northOwn.status).toBe(201);
    const solveOne = await keep(district, { name: 'Solved', step: 'solve', textZh: '已解决', textEn: 'Solved' });
    expect(solveOne.status).toBe(201);

    // An officer may not keep one for another district or for all; a clerk or a liaison keeps none.
    const elsewhere = await sys.http
      .post('/stock-replies')
      .set('Authorization', district)
      .set('Accept-Language', 'zh-CN')
      .send({ name: 'x', step: 'return', textZh: 'x', textEn: 'x', districtId: seedId('DIST-NORTH') });
    expect(elsewhere.status).toBe(403);
    expect(elsewhere.body.error.message).toMatch(/本区/);
    const inEnglish = await sys.http
      .post('/stock-replies')
      .set('Authorization', district)
      .set('Accept-Language', 'en')
      .send({ name: 'x', step: 'return', textZh: 'x', textEn: 'x', districtId: null });
    expect(inEnglish.status).toBe(403);
    expect(inEnglish.body.error.message).toMatch(/own district/);
    expect((await keep(east, { name: 'x', step: 'return', textZh: 'x', textEn: 'x' })).status).toBe(403);
    expect((await keep(city, { name: 'x', step: 'return', textZh: 'x', textEn: 'x' })).status).toBe(403);
    // Bad input is refused field by field: a step without a text field, a missing English text, a control character.
    const bad = await keep(district, { name: 'x', step: 'take', textZh: 'a\u0000b' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields.map((f: { path: string }) => f.path).sort()).toEqual(['body.step', 'body.textEn', 'body.textZh']);
    const noDistrict = await keep(admin, { name: 'x', step: 'return', textZh: 'x', textEn: 'x', districtId: seedId('ST-EAST') });
    expect(noDistrict.status).toBe(400);
    expect(noDistrict.body.error.fields).toEqual([expect.objectContaining({ path: 'body.districtId' })]);

    // East's case in district review: the district's return dialog offers the shared one and its own for the category.
    const filed = await fileAs(sys, east, { title: 'Stock reply case', urgent: false });
    await stepOk(sys, east, filed.id, 'submit');
    const forReturn = await offered(district, filed.id, 'return');
    expect(forReturn.map((r) => r.name).sort()).toEqual(['Roads: ask for the road number', '补充照片']);
    const filled = forReturn.find((r) => r.id === everywhere.body.id)!;
    expect(filled.text.zh).toMatch(
      new RegExp(`^请为第${filed.number}号案件补充现场照片（East Street Office），期限\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} \\(`),
    );
    expect(filled.text.en).toContain(`case ${filed.number} (East Street Office) by `);
    expect((await offered(district, filed.id, 'solve')).map((r) => r.name)).toEqual(['Solved']);
    // The filing unit reads the same offer on its own case; another district's officer does not see the case at all.
    expect((await offered(east, filed.id, 'return')).length).toBe(2);
    expect((await sys.http.get(`/cases/${filed.id}/stock-replies`).query({ step: 'return' }).set('Authorization', north)).status).toBe(404);
    const badStep = await sys.http.get(`/cases/${filed.id}/stock-replies`).query({ step: 'take' }).set('Authorization', district);
    expect(badStep.status).toBe(400);

    // A North case is offered the shared reply and North's own, never the other district's.
    const northCase = await fileAs(sys, north, { title: 'North stock reply case', urgent: false });
    expect((await offered(north, northCase.id, 'return')).map((r) => r.name).sort()).toEqual(['North only', '补充照片']);

    // The text stays the step's to validate: the filled text is sent as typed and recorded.
    const returned = await stepOk(sys, district, filed.id, 'return', { questions: filled.text.zh });
    expect(returned.status).toBe('returned_for_info');
    expect((await step(sys, district, filed.id, 'return', { questions: '' })).status).toBeGreaterThanOrEqual(400);
  });

  it('are changed and deleted by those who keep them, and read by the rest of their keepers', async () => {
    const shared = await keep(admin, { name: 'Shared reject', step: 'reject', textZh: '不属于本台账', textEn: 'Not for this ledger' });
    const own = await keep(district, { name: 'Own reject', step: 'reject', textZh: '重复', textEn: 'Duplicate' });
    const northOwn = await keep(northDistrict, { name: 'North reject', step: 'reject', textZh: '北', textEn: 'North' });

    const listed = await sys.http.get('/stock-replies').set('Authorization', district);
    expect(listed.status).toBe(200);
    const seen = listed.body.items.filter((r: { step: string }) => r.step === 'reject');
    expect(seen.map((r: { name: string; editable: boolean }) => [r.name, r.editable])).toEqual([
      ['Own reject', true],
      ['Shared reject', false],
    ]);
    expect((await sys.http.get('/stock-replies').set('Authorization', east)).status).toBe(403);

    expect((await sys.http.patch(`/stock-replies/${shared.body.id}`).set('Authorization', district).send({ name: 'Mine' })).status).toBe(
      403,
    );
    expect((await sys.http.patch(`/stock-replies/${northOwn.body.id}`).set('Authorization', district).send({ name: 'Mine' })).status).toBe(
      404,
    );
    expect((await sys.http.delete(`/stock-replies/${northOwn.body.id}`).set('Authorization', district)).status).toBe(404);
    expect((await sys.http.patch(`/stock-replies/${own.body.id}`).set('Authorization', district).send({})).status).toBe(400);
    const renamed = await sys.http
      .patch(`/stock-replies/${own.body.id}`)
      .set('Authorization', district)
      .send({ name: 'Duplicate case', category: 'infrastructure' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({ name: 'Duplicate case', category: 'infrastructure', textEn: 'Duplicate' });
    // The admin changes any, and may move one to a district.
    const moved = await sys.http
      .patch(`/stock-replies/${shared.body.id}`)
      .set('Authorization', admin)
      .send({ districtId: seedId('DIST-NORTH') });
    expect(moved.status).toBe(200);
    expect(moved.body.districtId).toBe(seedId('DIST-NORTH'));
    expect((await sys.http.get('/stock-replies').set('Authorization', district)).body.items.map((r: { id: string }) => r.id)).not.toContain(
      shared.body.id,
    );
    expect((await sys.http.delete(`/stock-replies/${own.body.id}`).set('Authorization', district)).status).toBe(204);
    expect((await sys.http.delete(`/stock-replies/${own.body.id}`).set('Authorization', district)).status).toBe(404);
  });
});
