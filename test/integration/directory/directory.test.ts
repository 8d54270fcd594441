import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedId } from '../../../domain/directory/seed.ts';
import { fileAs } from '../../support/case-steps.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

// The admin routes behind the web UI's directory screen, the look-alike suggestions and the settings.
let sys: TestSystem;
let admin: string;
beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename);
  admin = await sys.login('admin@ledger.test');
});
afterAll(() => sys?.stop());

const loginWith = (email: string, password: string) => sys.http.post('/auth/login').send({ email, password });

describe('users and units (admin)', () => {
  it('creates a user with a one-time password, resets it, and deactivates the user; every change ends old sessions', async () => {
    const created = await sys.http
      .post('/admin/users')
      .set('Authorization', admin)
      .send({ email: 'New.Clerk@ledger.test', displayName: 'New clerk', role: 'street_staff', orgUnitId: seedId('ST-WEST') });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.user).toMatchObject({ email: 'new.clerk@ledger.test', role: 'street_staff', active: true });
    const first = await loginWith('new.clerk@ledger.test', created.body.temporaryPassword);
    expect(first.status).toBe(200);

    const reset = await sys.http.post(`/admin/users/${created.body.user.id}/password`).set('Authorization', admin);
    expect(reset.status).toBe(200);
    expect((await sys.http.get('/cases').set('Authorization', `Bearer ${first.body.token}`)).status).toBe(401);
    expect((await loginWith('new.clerk@ledger.test', created.body.temporaryPassword)).status).toBe(401);
    const second = await loginWith('new.clerk@ledger.test', reset.body.temporaryPassword);
    expect(second.status).toBe(200);

    const deactivated = await sys.http.post(`/admin/users/${created.body.user.id}/deactivate`).set('Authorization', admin);
    expect(deactivated.body).toMatchObject({ active: false });
    expect((await sys.http.get('/cases').set('Authorization', `Bearer ${second.body.token}`)).status).toBe(401);
    expect((await loginWith('new.clerk@ledger.test', reset.body.temporaryPassword)).status).toBe(401);
    const listed = await sys.http.get('/admin/users').set('Authorization', admin);
    expect(listed.body.items.find((u: { email: string }) => u.email === 'new.clerk@ledger.test')).toMatchObject({ active: false });
  });

  it('edits a user’s name, role and unit, enables a deactivated one again, and offers the steps the account’s table allows', async () => {
    const created = await sys.http
      .post('/admin/users')
      .set('Authorization', admin)
      .send({ email: 'moving.clerk@ledger.test', displayName: 'Moving clerk', role: 'street_staff', orgUnitId: seedId('ST-WEST') });
    const id = created.body.user.id as string;
    expect(created.body.user.allowedActions).toEqual(['edit', 'resetPassword', 'deactivate']);
    const path = `/admin/users/${id}`;

    const renamed = await sys.http
      .patch(path)
      .set('Authorization', admin)
      .send({ displayName: '调动的办事员', orgUnitId: seedId('ST-EAST') });
    expect(renamed.status, JSON.stringify(renamed.body)).toBe(200);
    expect(renamed.body).toMatchObject({ displayName: '调动的办事员', orgUnitId: seedId('ST-EAST'), role: 'street_staff' });
    // A role and a unit that do not fit each other: the unit is named, in the reader's language.
    const misplaced = await sys.http
      .patch(path)
      .set('Authorization', admin)
      .set('Accept-Language', 'zh')
      .send({ role: 'district_officer' });
    expect(misplaced.status).toBe(400);
    expect(misplaced.body.error.fields).toEqual([{ path: 'body.orgUnitId', message: expect.stringContaining('区委组织部') }]);
    const promoted = await sys.http
      .patch(path)
      .set('Authorization', admin)
      .send({ role: 'district_officer', orgUnitId: seedId('DIST') });
    expect(promoted.body).toMatchObject({ role: 'district_officer', orgUnitId: seedId('DIST') });
    expect((await sys.http.patch(path).set('Authorization', admin).send({})).status).toBe(400);
    expect((await sys.http.patch(path).set('Authorization', admin).send({ email: 'other@ledger.test' })).status).toBe(400);
    const ownRole = await sys.http
      .patch(`/admin/users/${seedId('user:admin@ledger.test')}`)
      .set('Authorization', admin)
      .send({ role: 'street_staff' });
    expect(ownRole.status).toBe(400);
    expect(ownRole.body.error.fields[0].path).toBe('body.role');

    const deactivated = await sys.http.post(`${path}/deactivate`).set('Authorization', admin);
    expect(deactivated.body).toMatchObject({ active: false, allowedActions: ['edit', 'reactivate'] });
    // The table refuses what it does not offer: no second deactivation, no reset of a deactivated account.
    const again = await sys.http.post(`${path}/deactivate`).set('Authorization', admin);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('invalid_transition');
    expect((await sys.http.post(`${path}/password`).set('Authorization', admin)).status).toBe(409);
    const reactivated = await sys.http.post(`${path}/reactivate`).set('Authorization', admin);
    expect(reactivated.status).toBe(200);
    expect(reactivated.body).toMatchObject({ active: true, allowedActions: ['edit', 'resetPassword', 'deactivate'] });
    expect((await sys.http.post(`${path}/reactivate`).set('Authorization', admin)).status).toBe(409);
    // Enabled again, the account signs in with the password it had.
    expect((await loginWith('moving.clerk@ledger.test', created.body.temporaryPassword)).status).toBe(200);
    const listed = await sys.http.get('/admin/users').set('Authorization', admin);
    expect(listed.body.items.find((u: { id: string }) => u.id === id)).toMatchObject({ role: 'district_officer', active: true });
  });

  it('names the field when the e-mail is taken or the unit does not fit the role', async () => {
    const taken = await sys.http
      .post('/admin/users')
      .set('Authorization', admin)
      .send({ email: 'east@ledger.test', displayName: 'Twin', role: 'street_staff', orgUnitId: seedId('ST-EAST') });
    expect(taken.status).toBe(409);
    expect(taken.body.error.fields).toEqual([{ path: 'body.email', message: expect.any(String) }]);
    const misplaced = await sys.http
      .post('/admin/users')
      .set('Authorization', admin)
      .send({ email: 'x@ledger.test', displayName: 'X', role: 'district_officer', orgUnitId: seedId('ST-EAST') });
    expect(misplaced.status).toBe(400);
    expect(misplaced.body.error.fields[0].path).toBe('body.orgUnitId');
    const unknownField = await sys.http.post('/admin/users').set('Authorization', admin).send({ email: 'y@ledger.test', isAdmin: true });
    expect(unknownField.status).toBe(400);
  });

  it('adds a unit under a district only, and lists the tree to every user', async () => {
    const orphan = await sys.http
      .post('/org-units')
      .set('Authorization', admin)
      .send({ code: 'ST-SOUTH', name: 'South Street', kind: 'street' });
    expect(orphan.status).toBe(400);
    expect(orphan.body.error.fields[0].path).toBe('body.parentId');
    const created = await sys.http
      .post('/org-units')
      .set('Authorization', admin)
      .send({ code: 'ST-SOUTH', name: 'South Street', kind: 'street', parentId: seedId('DIST') });
    expect(created.status).toBe(201);
    const again = await sys.http
      .post('/org-units')
      .set('Authorization', admin)
      .send({ code: 'ST-SOUTH', name: 'South Street', kind: 'street', parentId: seedId('DIST') });
    expect(again.status).toBe(409);
    const clerk = await sys.login('east@ledger.test');
    const units = await sys.http.get('/org-units').set('Authorization', clerk);
    expect(units.body.items.map((u: { code: string }) => u.code)).toContain('ST-SOUTH');
    // Each unit says whether it files cases: the web's unit filters list those and never a leadership body.
    const filing = (code: string) => units.body.items.find((u: { code: string }) => u.code === code)?.filesCases;
    expect([filing('ST-SOUTH'), filing('PK-EDZ'), filing('GARRISON'), filing('BODY-COMMITTEE'), filing('DIST')]).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
    // And what else its kind does: the web's menus follow these (a leadership body's clerk keeps leaders, files nothing).
    const abilities = (code: string) => {
      const unit = units.body.items.find((u: { code: string }) => u.code === code);
      return [unit?.filesCases, unit?.keepsLeaders, unit?.keepsCommunities];
    };
    expect(abilities('ST-EAST')).toEqual([true, true, true]);
    expect(abilities('DEPT-CIVIL')).toEqual([true, true, false]);
    expect(abilities('BODY-COMMITTEE')).toEqual([false, true, false]);
    expect(abilities('DIST')).toEqual([false, false, false]);
  });

  it('renames a unit and changes its e-mail; code, kind and parent stay', async () => {
    const west = seedId('ST-WEST');
    const changed = await sys.http
      .patch(`/org-units/${west}`)
      .set('Authorization', admin)
      .send({ name: 'West Street Office (new name)', email: 'west-new@ledger.test' });
    expect(changed.status, JSON.stringify(changed.body)).toBe(200);
    expect(changed.body).toMatchObject({ id: west, code: 'ST-WEST', kind: 'street', parentId: seedId('DIST') });
    expect(changed.body).toMatchObject({ name: 'West Street Office (new name)', email: 'west-new@ledger.test' });
    const cleared = await sys.http.patch(`/org-units/${west}`).set('Authorization', admin).send({ email: null });
    expect(cleared.body).toMatchObject({ name: 'West Street Office (new name)', email: null });
    const listed = (await sys.http.get('/org-units').set('Authorization', await sys.login('west@ledger.test'))).body.items;
    expect(listed.find((u: { id: string }) => u.id === west).name).toBe('West Street Office (new name)');

    for (const [body, path] of [
      [{}, 'body'],
      [{ email: 'not an e-mail' }, 'body.email'],
      [{ code: 'ST-OTHER' }, 'body'],
      [{ parentId: seedId('DIST-NORTH') }, 'body'],
    ] as const) {
      const bad = await sys.http.patch(`/org-units/${west}`).set('Authorization', admin).send(body);
      expect(bad.status, JSON.stringify(body)).toBe(400);
      expect(new Set(bad.body.error.fields.map((f: { path: string }) => f.path))).toEqual(new Set([path]));
    }
    const missing = await sys.http.patch('/org-units/00000000-0000-4000-8000-000000000000').set('Authorization', admin).send({ name: 'x' });
    expect(missing.status).toBe(404);
    expect((await sys.db.prisma.orgUnit.findUniqueOrThrow({ where: { id: west } })).code).toBe('ST-WEST');
  });

  it('refuses every admin route to other roles', async () => {
    const district = await sys.login('district@ledger.test');
    for (const [method, path] of [
      ['get', '/admin/users'],
      ['post', '/admin/users'],
      ['post', `/admin/users/${seedId('user:east@ledger.test')}/deactivate`],
      ['post', `/admin/users/${seedId('user:east@ledger.test')}/password`],
      ['post', `/admin/users/${seedId('user:east@ledger.test')}/reactivate`],
      ['patch', `/admin/users/${seedId('user:east@ledger.test')}`],
      ['post', '/org-units'],
      ['patch', `/org-units/${seedId('ST-EAST')}`],
    ] as const) {
      expect((await sys.http[method](path).set('Authorization', district).send({})).status, path).toBe(403);
    }
  });
});

describe('look-alikes and settings', () => {
  it('suggests open look-alikes while filing and as merge candidates, within the district only', async () => {
    const east = await sys.login('east@ledger.test');
    const first = await fileAs(sys, east, { urgent: true, title: 'Broken street lights on Elm Road', category: 'lighting' });
    const draft = await sys.http
      .get('/look-alikes')
      .query({ title: 'Street lights broken Elm Road', category: 'lighting' })
      .set('Authorization', await sys.login('west@ledger.test'));
    expect(draft.status).toBe(200);
    // Another unit's case is named by its number only: West learns it exists, not what it says.
    expect(draft.body.items).toContainEqual({ number: first.number, score: expect.any(Number), reasons: expect.any(Array) });
    const north = await sys.http
      .get('/look-alikes')
      .query({ title: 'Street lights broken Elm Road', category: 'lighting' })
      .set('Authorization', await sys.login('north@ledger.test'));
    expect(north.body.items).toEqual([]);

    const second = await fileAs(sys, east, { urgent: true, title: 'Elm Road street lights broken again', category: 'lighting' });
    const district = await sys.login('district@ledger.test');
    const candidates = await sys.http.get(`/cases/${second.id}/look-alikes`).set('Authorization', district);
    expect(candidates.body.items.map((c: { id: string }) => c.id)).toEqual([first.id]);
    const otherDistrict = await sys.http
      .get(`/cases/${second.id}/look-alikes`)
      .set('Authorization', await sys.login('north-district@ledger.test'));
    expect(otherDistrict.status).toBe(404);
  });

  it('finds a Chinese restatement of the same problem without a category, says why, and leaves the same street’s other problems out', async () => {
    const east = await sys.login('east@ledger.test');
    const lights = await fileAs(sys, east, { title: '幸福路老旧小区路灯长期不亮', location: '幸福路12号院', category: '市政设施' });
    const cover = await fileAs(sys, east, { title: '幸福路井盖缺失', location: '幸福路' });
    const elsewhere = await fileAs(sys, east, { title: '和平路路灯不亮', location: '和平路' });
    const draft = await sys.http.get('/look-alikes').query({ title: '幸福路路灯不亮' }).set('Authorization', east);
    expect(draft.status).toBe(200);
    const found = draft.body.items.map((c: { id: string }) => c.id);
    expect(found).toContain(lights.id);
    expect(found).not.toContain(cover.id);
    expect(found).not.toContain(elsewhere.id);
    expect(draft.body.items.find((c: { id: string }) => c.id === lights.id).reasons).toEqual([
      { part: 'place', shared: ['幸福路'] },
      { part: 'problem', shared: ['路灯', '不亮'] },
    ]);
  });

  it('tells clients the district time zone and the current half-year', async () => {
    const res = await sys.http.get('/settings').set('Authorization', admin);
    expect(res.body).toEqual({
      timeZone: expect.any(String),
      today: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      currentCycle: expect.stringMatching(/^\d{4}-H[12]$/),
    });
  });
});
