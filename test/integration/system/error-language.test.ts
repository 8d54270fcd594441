import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fileAs, step, stepOk } from '../../support/case-steps.ts';
import { seedId } from '../../../domain/directory/seed.ts';
import { filing, newKey } from '../../support/fixtures.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

/** Errors over HTTP in the language of Accept-Language: Chinese by default and for zh-CN, English on request; codes and paths the same. */
let sys: TestSystem;
let east: string, civil: string, admin: string;

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename);
  [east, civil, admin] = await Promise.all([sys.login('east@ledger.test'), sys.login('civil@ledger.test'), sys.login('admin@ledger.test')]);
});
afterAll(() => sys?.stop());

const fileWith = (language: string | undefined, body: unknown) => {
  const request = sys.http.post('/cases').set('Authorization', east).set('Idempotency-Key', newKey());
  return (language ? request.set('Accept-Language', language) : request.unset('Accept-Language')).send(body as object);
};

describe('field errors', () => {
  const bad = filing({ title: 'ab', kind: 'other', reporter: undefined });

  it('are Chinese for zh-CN and with no Accept-Language at all, naming no code', async () => {
    for (const language of ['zh-CN,zh;q=0.9', undefined]) {
      const res = await fileWith(language, bad);
      expect(res.status).toBe(400);
      expect(res.headers['content-language']).toBe('zh-CN');
      expect(res.body.error).toMatchObject({ code: 'validation_failed', message: '填写的内容有误，请按各项的提示修改' });
      expect(res.body.error.fields).toEqual(
        expect.arrayContaining([
          { path: 'body.title', message: '至少 3 个字', params: { issue: 'too_small', minimum: 3 } },
          {
            path: 'body.kind',
            message: '请从所列选项中选择',
            params: expect.objectContaining({ values: ['unclaimed_project', 'hard_problem'] }),
          },
          { path: 'body.reporter', message: '请填写此项', params: { issue: 'invalid_type' } },
        ]),
      );
    }
  });

  it('are English on request, with the same codes, paths and params', async () => {
    const res = await fileWith('en-US,en;q=0.9', bad);
    expect(res.status).toBe(400);
    expect(res.headers['content-language']).toBe('en');
    expect(res.body.error.message).toBe('invalid body');
    expect(res.body.error.fields).toEqual(
      expect.arrayContaining([
        { path: 'body.title', message: 'at least 3 characters', params: { issue: 'too_small', minimum: 3 } },
        { path: 'body.reporter', message: 'required', params: { issue: 'invalid_type' } },
      ]),
    );
  });

  it('from the domain name the field in the reader’s language', async () => {
    const future = filing({ foundOn: '2099-03-03' });
    const zh = await fileWith('zh-CN', future);
    expect(zh.status).toBe(400);
    expect(zh.body.error.fields).toEqual([
      {
        path: 'body.foundOn',
        message: expect.stringMatching(/^不能晚于今天（\d{4}-\d{2}-\d{2}）$/),
        params: { today: expect.any(String) },
      },
    ]);
    const en = await fileWith('en', future);
    expect(en.body.error.fields[0].message).toMatch(/^cannot be in the future/);
  });
});

describe('single-line fields', () => {
  // Names and posts refuse a line feed or a tab as a case's title does (issue 19: "Li\nMing" was 201); phones have their own rule, below.
  const leader = (typed: Record<string, string>) => ({
    name: 'Li Ming',
    post: 'Director',
    rank: 'principal',
    reportsToUnitId: seedId('ST-EAST'),
    ...typed,
  });
  const posts = () => [
    { token: civil, path: '/leaders', field: 'name', body: leader({ name: 'Li\nMing' }) },
    { token: civil, path: '/leaders', field: 'post', body: leader({ post: 'Deputy\tdirector' }) },
    { token: east, path: '/party/communities', field: 'name', body: { name: 'Elm\nCommunity' } },
    { token: civil, path: '/party/branches', field: 'name', body: { name: 'First\tbranch' } },
    {
      token: admin,
      path: '/org-units',
      field: 'name',
      body: { code: 'LINE-TEST', name: 'Line\u2028office', kind: 'district_department', parentId: seedId('DIST') },
    },
    {
      token: admin,
      path: '/admin/users',
      field: 'displayName',
      body: { email: 'line@ledger.test', displayName: 'Li\nMing', role: 'street_staff', orgUnitId: seedId('DEPT-CIVIL') },
    },
  ];

  it('are refused with a line feed, a tab or a line separator, the field named in either language', async () => {
    for (const { token, path, field, body } of posts()) {
      for (const [language, message] of [
        ['zh-CN', '只能填一行，不能含控制字符或不可见的格式字符'],
        ['en', 'one line, without control or invisible formatting characters (bidi controls, zero-width characters)'],
      ] as const) {
        const res = await sys.http
          .post(path)
          .set('Authorization', token)
          .set('Idempotency-Key', newKey())
          .set('Accept-Language', language)
          .send(body);
        expect({ path, status: res.status, fields: res.body.error?.fields }).toEqual({
          path,
          status: 400,
          fields: [expect.objectContaining({ path: `body.${field}`, message })],
        });
      }
    }
  });
});

describe('phone numbers', () => {
  const member = (contact: string, memberNumber: string) => ({
    memberNumber,
    name: 'Wang Fang',
    homeUnitId: seedId('DEPT-CIVIL'),
    contact,
    communityId: seedId('COMM-EAST-ELM'),
    registeredOn: '2026-01-05',
  });
  const register = (body: object, language: string) =>
    sys.http.post('/party/members').set('Authorization', east).set('Idempotency-Key', newKey()).set('Accept-Language', language).send(body);

  it('refuse "abc" (or a line feed) as a reporter’s or a member’s phone, the field named in either language', async () => {
    for (const [language, message] of [
      ['zh-CN', '请填写电话号码，如 13912345678 或 010-65123456'],
      ['en', 'a phone number, such as 13912345678 or 010-65123456'],
    ] as const) {
      for (const contact of ['abc', '139\n0000']) {
        const filed = await fileWith(language, filing({ reporter: { name: 'Li Wei', contact } }));
        expect({ contact, status: filed.status, fields: filed.body.error?.fields }).toEqual({
          contact,
          status: 400,
          fields: [expect.objectContaining({ path: 'body.reporter.contact', message })],
        });
        const registered = await register(member(contact, 'M-PHONE-X'), language);
        expect({ contact, status: registered.status, fields: registered.body.error?.fields }).toEqual({
          contact,
          status: 400,
          fields: [expect.objectContaining({ path: 'body.contact', message })],
        });
      }
    }
  });

  it('accept the ways people write a phone number', async () => {
    const numbers = ['13912345678', '010-6512 3456', '(010) 65123456', '+86 139 1234 5678'];
    for (const [i, contact] of numbers.entries()) {
      const filed = await fileWith('en', filing({ reporter: { name: 'Li Wei', contact } }));
      expect({ contact, status: filed.status }).toEqual({ contact, status: 201 });
      expect({ contact, status: (await register(member(contact, `M-PHONE-${i}`), 'en')).status }).toEqual({ contact, status: 201 });
    }
  });
});

describe('refusals and request errors', () => {
  it('word a lifecycle refusal from the glossary, keeping the codes as params', async () => {
    const filed = await fileAs(sys, east);
    await stepOk(sys, east, filed.id, 'submit');
    const zh = await step(sys, east, filed.id, 'submit').set('Accept-Language', 'zh-CN');
    expect(zh.status).toBe(409);
    expect(zh.body.error).toMatchObject({
      code: 'invalid_transition',
      message: '问题处于“区级梳理”时不能“报送区级”（“待报送”时可以）',
      params: { action: 'submit', state: 'district_review', allowedFrom: ['awaiting_submission'] },
    });
    const en = await step(sys, east, filed.id, 'submit').set('Accept-Language', 'en');
    expect(en.body.error.message).toBe(
      'cannot submit to the district while the case is in district review (possible in awaiting submission)',
    );
  });

  it('say the party and leader rules in the reader’s language too (no generic fallback)', async () => {
    const zhPost = (token: string, path: string, body: object) =>
      sys.http.post(path).set('Authorization', token).set('Idempotency-Key', newKey()).set('Accept-Language', 'zh-CN').send(body);
    const member = {
      memberNumber: 'M-LANG-1',
      name: 'Wang Fang',
      homeUnitId: seedId('DEPT-CIVIL'),
      communityId: seedId('DEPT-CIVIL'),
      registeredOn: '2099-01-05',
    };
    const future = await zhPost(east, '/party/members', member);
    expect(future.status).toBe(400);
    expect(future.body.error.fields).toEqual([
      {
        path: 'body.registeredOn',
        message: expect.stringMatching(/^不能晚于今天（\d{4}-\d{2}-\d{2}）$/),
        params: { today: expect.any(String) },
      },
    ]);
    const nowhere = await zhPost(east, '/party/members', { ...member, registeredOn: '2026-01-05' });
    expect(nowhere.body.error.fields).toEqual([{ path: 'body.communityId', message: '没有这个社区' }]);
    const adminOwnUnit = await zhPost(admin, '/leaders', {
      name: 'Li Ming',
      post: 'Director',
      rank: 'principal',
      reportsToUnitId: seedId('ST-EAST'),
    });
    expect(adminOwnUnit.body.error.fields).toEqual([{ path: 'body.unitId', message: '请选择领导所在单位' }]);
  });

  it('answer a wrong login, bad JSON and an unknown route in Chinese', async () => {
    const login = await sys.http
      .post('/auth/login')
      .set('Accept-Language', 'zh-CN')
      .send({ email: 'east@ledger.test', password: 'wrong-password' });
    expect(login.status).toBe(401);
    expect(login.body.error).toMatchObject({ code: 'unauthenticated', message: '电子邮箱或密码不正确' });
    const json = await sys.http
      .post('/cases')
      .set('Authorization', east)
      .set('Accept-Language', 'zh-CN')
      .set('Content-Type', 'application/json')
      .send('{"title":');
    expect(json.body.error).toMatchObject({ code: 'invalid_json', message: '请求内容不是有效的 JSON' });
    const route = await sys.http.get('/no-such-thing').set('Authorization', east).set('Accept-Language', 'zh-CN');
    expect(route.body.error).toMatchObject({ code: 'not_found', message: '没有这个地址' });
  });
});
