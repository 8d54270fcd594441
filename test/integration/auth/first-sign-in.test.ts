import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedId } from '../../../domain/directory/seed.ts';
import { DEMO_PASSWORD } from '../../support/database.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

// An account an administrator creates (or resets) signs in with a one-time password, and the API answers
// nothing but the password change until the user has chosen one that holds to the password rule.
let sys: TestSystem;
let admin: string;
beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename);
  admin = await sys.login('admin@ledger.test');
});
afterAll(() => sys?.stop());

const loginWith = (email: string, password: string) => sys.http.post('/auth/login').send({ email, password });
const changeAs = (token: string, body: Record<string, string>, language = 'zh') =>
  sys.http.post('/auth/password').set('Authorization', `Bearer ${token}`).set('Accept-Language', language).send(body);

describe('the first sign-in of an account an admin made', () => {
  it('allows only the password change, holds the new password to the rule, and then lets the user work', async () => {
    const created = await sys.http
      .post('/admin/users')
      .set('Authorization', admin)
      .send({ email: 'first.sign-in@ledger.test', displayName: 'First sign-in', role: 'street_staff', orgUnitId: seedId('ST-WEST') });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const oneTime = created.body.temporaryPassword as string;
    const session = await loginWith('first.sign-in@ledger.test', oneTime);
    expect(session.status).toBe(200);
    expect(session.body.user.mustChangePassword).toBe(true);
    const token = session.body.token as string;

    const refused = await sys.http.get('/cases').set('Authorization', `Bearer ${token}`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('password_change_required');

    const short = await changeAs(token, { currentPassword: oneTime, newPassword: 'abc123' });
    expect(short.status).toBe(400);
    expect(short.body.error.fields).toEqual([expect.objectContaining({ path: 'body.newPassword', message: '密码至少需要 10 个字符' })]);
    const oneKind = await changeAs(token, { currentPassword: oneTime, newPassword: 'abcdefghijkl' }, 'en');
    expect(oneKind.body.error.fields).toEqual([
      expect.objectContaining({ path: 'body.newPassword', message: 'mix at least two of letters, digits and other signs' }),
    ]);
    const wrong = await changeAs(token, { currentPassword: 'not-the-password', newPassword: 'west-clerk-2026' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields).toEqual([expect.objectContaining({ path: 'body.currentPassword' })]);
    expect((await sys.http.get('/cases').set('Authorization', `Bearer ${token}`)).status).toBe(403);

    expect((await changeAs(token, { currentPassword: oneTime, newPassword: 'west-clerk-2026' })).status).toBe(204);
    expect((await sys.http.get('/cases').set('Authorization', `Bearer ${token}`)).status).toBe(200);
    expect((await loginWith('first.sign-in@ledger.test', oneTime)).status).toBe(401);
    const again = await loginWith('first.sign-in@ledger.test', 'west-clerk-2026');
    expect(again.body.user.mustChangePassword).toBe(false);

    // A reset hands over another one-time password: the change is demanded again.
    const reset = await sys.http.post(`/admin/users/${created.body.user.id}/password`).set('Authorization', admin);
    const afterReset = await loginWith('first.sign-in@ledger.test', reset.body.temporaryPassword);
    expect(afterReset.body.user.mustChangePassword).toBe(true);
    expect((await sys.http.get('/cases').set('Authorization', `Bearer ${afterReset.body.token}`)).status).toBe(403);
  });

  it('never stops the seeded demo users (their logins are documented)', async () => {
    const demo = await loginWith('east@ledger.test', DEMO_PASSWORD);
    expect(demo.body.user.mustChangePassword).toBe(false);
    expect((await sys.http.get('/cases').set('Authorization', `Bearer ${demo.body.token}`)).status).toBe(200);
  });
});
