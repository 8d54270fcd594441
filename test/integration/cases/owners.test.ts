import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { seedId } from '../../../domain/directory/seed.ts';
import { DEMO_PASSWORD } from '../../support/database.ts';
import { caseSnapshotQuery } from '../../../workflows/definitions.ts';
import { fileAs, historyTypes, step, stepOk } from '../../support/case-steps.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

let sys: TestSystem;
let east: string, west: string, district: string, northDistrict: string, admin: string;
/** A second district officer of the same district: the colleague a case is assigned to. */
let colleague: { id: string; token: string };
let northDistrictId: string;

const sessionOf = async (email: string, password: string) => {
  const res = await sys.http.post('/auth/login').send({ email, password });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return { id: res.body.user.id as string, token: `Bearer ${res.body.token}` };
};

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename);
  east = await sys.login('east@ledger.test');
  west = await sys.login('west@ledger.test');
  district = await sys.login('district@ledger.test');
  northDistrict = await sys.login('north-district@ledger.test');
  admin = await sys.login('admin@ledger.test');
  colleague = await sys.addUser(admin, {
    email: 'second-district@ledger.test',
    displayName: 'Second district officer',
    role: 'district_officer',
    orgUnitId: seedId('DIST'),
  });
  northDistrictId = (await sessionOf('north-district@ledger.test', DEMO_PASSWORD)).id;
});
afterEach(() => sys.assertReconciled());
afterAll(() => sys?.stop());

const listIds = async (token: string, owner: string) => {
  const res = await sys.http.get('/cases').query({ owner }).set('Authorization', token);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.items as Array<{ id: string }>).map((c) => c.id);
};

describe('a named owner inside the level holding the case', () => {
  it('is taken, assigned to a colleague of the same unit, refused for another unit, and cleared when the case moves on', async () => {
    const filed = await fileAs(sys, east, { title: 'Broken railing on the river path', urgent: false });

    // The filing unit's clerk takes it while it is in the unit's own ledger.
    const before = await sys.http.get(`/cases/${filed.id}`).set('Authorization', east);
    expect(before.body.owner).toBeNull();
    expect(before.body.allowedActions).toEqual(expect.arrayContaining(['take', 'assignOwner']));
    expect(before.body.allowedActions).not.toContain('release');
    const taken = await stepOk(sys, east, filed.id, 'take', { comment: 'I will check it on site.' });
    expect(taken.owner).toEqual({ id: expect.any(String), name: 'East Street clerk' });
    expect(taken.allowedActions).toContain('release');
    expect(taken.allowedActions).not.toContain('take');
    expect(taken.history.at(-1)).toMatchObject({
      type: 'owner_taken',
      owner: { name: 'East Street clerk' },
      toStatus: 'awaiting_submission',
    });
    expect(await listIds(east, 'me')).toContain(filed.id);
    expect(await listIds(east, 'none')).not.toContain(filed.id);
    // Another unit cannot see it at all, so cannot take it.
    expect((await step(sys, west, filed.id, 'take')).status).toBe(404);
    expect((await step(sys, east, filed.id, 'take')).status).toBe(409);

    // Submitted to the district: the street owner no longer holds it.
    const submitted = await stepOk(sys, east, filed.id, 'submit');
    expect(submitted).toMatchObject({ status: 'district_review', owner: null });
    expect(historyTypes(submitted).slice(-2)).toEqual(['submitted_to_district', 'owner_cleared']);
    expect(submitted.history.at(-1)).toMatchObject({ actorRole: null, owner: { name: 'East Street clerk' } });
    expect(await listIds(east, 'me')).not.toContain(filed.id);
    expect(await listIds(district, 'none')).toContain(filed.id);

    // The district officer takes it, then hands it to a colleague of the same unit.
    await stepOk(sys, district, filed.id, 'take');
    const assigned = await stepOk(sys, district, filed.id, 'assignOwner', { assigneeId: colleague.id, comment: 'yours' });
    expect(assigned.owner).toEqual({ id: colleague.id, name: 'Second district officer' });
    expect(assigned.history.at(-1)).toMatchObject({ type: 'owner_assigned', actor: { name: 'District triage officer' } });
    expect(await listIds(colleague.token, 'me')).toContain(filed.id);
    expect(await listIds(district, colleague.id)).toContain(filed.id);
    expect(await listIds(district, 'me')).not.toContain(filed.id);
    expect(await listIds(district, 'none')).not.toContain(filed.id);

    // Another unit's user is refused, and so is nobody at all.
    const foreign = await step(sys, district, filed.id, 'assignOwner', { assigneeId: northDistrictId });
    expect(foreign.status, JSON.stringify(foreign.body)).toBe(403);
    const nobody = await step(sys, district, filed.id, 'assignOwner', { assigneeId: '00000000-0000-4000-8000-000000000000' });
    expect(nobody.status).toBe(400);
    expect(nobody.body.error.fields).toEqual([expect.objectContaining({ path: 'body.assigneeId' })]);
    expect((await step(sys, district, filed.id, 'assignOwner', { assigneeId: colleague.id })).status).toBe(409);

    // Forwarded to the city: the district's owner is cleared in the workflow, the ledger and the lists.
    const forwarded = await stepOk(sys, colleague.token, filed.id, 'forward', { summary: 'Needs the city.' });
    expect(forwarded).toMatchObject({ status: 'municipal_coordination', owner: null });
    expect(forwarded.history.at(-1)).toMatchObject({ type: 'owner_cleared', owner: { id: colleague.id } });
    const snapshot = await sys.client.workflow.getHandle(`case-${filed.id}`).query(caseSnapshotQuery);
    expect(snapshot.owner).toBeNull();
    expect(await listIds(colleague.token, 'me')).not.toContain(filed.id);
    // Nobody holds it at the city: release has nothing to release.
    const city = await sys.login('city@ledger.test');
    expect((await sys.http.get(`/cases/${filed.id}`).set('Authorization', city)).body.allowedActions).not.toContain('release');
    expect((await step(sys, city, filed.id, 'release')).status).toBe(409);
    const cityTook = await stepOk(sys, city, filed.id, 'take');
    const released = await stepOk(sys, city, filed.id, 'release', { comment: 'back to the pool' });
    expect(cityTook.owner).not.toBeNull();
    expect(released.owner).toBeNull();
    expect(released.history.at(-1)).toMatchObject({ type: 'owner_released', owner: { name: 'Municipal liaison officer' } });
  });

  it('refuses owner steps to a role that does not hold the case now', async () => {
    const filed = await fileAs(sys, east, { title: 'Streetlight out on Elm Road', urgent: false });
    // In the unit's own ledger only its staff own the case: the district may not take it.
    expect((await step(sys, district, filed.id, 'take')).status).toBe(409);
    expect((await step(sys, northDistrict, filed.id, 'take')).status).toBe(404);
  });
});
