import { once } from 'node:events';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedId } from '../../../domain/directory/seed.ts';
import { fileAs } from '../../support/case-steps.ts';
import { PNG_BYTES } from '../../support/fixtures.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

/**
 * Open311 with keyed reads (the default) and writes, over HTTP as the spec writes them: form-encoded
 * posts with an api_key, JSON and XML answers, the spec's errors, and the scope of each key's unit.
 */
let sys: TestSystem;
let admin: string;
let photos: Server;
let photoHost: string;
const keys = {} as Record<'east' | 'west' | 'district' | 'northDistrict', string>;

const V2 = '/open311/v2';
const form = (overrides: Record<string, string> = {}) => ({
  service_code: 'hard_problem-drainage',
  description: '雨后东街口积水半米，行人无法通过。\n已持续三天。',
  address_string: '东街口公交站',
  lat: '31.2304',
  long: '121.4737',
  first_name: '芳',
  last_name: '王',
  phone: '13800000000',
  'attribute[tried_locally]': '街道已派人清理下水口。',
  'attribute[help_needed]': '需市政排水管网改造。',
  ...overrides,
});
const post = (key: string | undefined, fields: Record<string, string>, format = 'json') =>
  sys.http
    .post(`${V2}/requests.${format}`)
    .type('form')
    .send({ ...(key ? { api_key: key } : {}), ...fields });

async function issue(unitCode: string, label: string) {
  const res = await sys.http
    .post('/open311/keys')
    .set('Authorization', admin)
    .send({ unitId: seedId(unitCode), label });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; key: string; keyPrefix: string; allowedActions: string[] };
}

beforeAll(async () => {
  photos = createServer((req, res) => {
    if (req.url === '/photo.png') res.writeHead(200, { 'content-type': 'image/png' }).end(PNG_BYTES);
    else if (req.url === '/moved.png') res.writeHead(302, { location: 'http://169.254.169.254/latest' }).end();
    else res.writeHead(200, { 'content-type': 'text/html' }).end('<html>not a photo</html>');
  }).listen(0, '127.0.0.1');
  await once(photos, 'listening');
  photoHost = `127.0.0.1:${(photos.address() as AddressInfo).port}`;
  sys = await startTestSystem(import.meta.filename, {
    configure: (config) => ({
      ...config,
      open311: { ...config.open311, jurisdictionId: 'demo-district', media: { ...config.open311.media, hosts: [photoHost] } },
    }),
  });
  admin = await sys.login('admin@ledger.test');
  keys.east = (await issue('ST-EAST', 'East Street app')).key;
  keys.west = (await issue('ST-WEST', 'West Street app')).key;
  keys.district = (await issue('DIST', 'District hotline')).key;
  keys.northDistrict = (await issue('DIST-NORTH', 'North hotline')).key;
});
afterAll(async () => {
  await sys?.stop();
  photos?.close();
});

describe('api_keys', () => {
  it('are issued by admins only, shown once, listed by prefix, and revoked for good', async () => {
    const clerk = await sys.login('east@ledger.test');
    const refused = await sys.http
      .post('/open311/keys')
      .set('Authorization', clerk)
      .send({ unitId: seedId('ST-EAST'), label: 'x' });
    expect(refused.status).toBe(403);
    const issued = await issue('ST-EAST', 'To be revoked');
    expect(issued.key).toMatch(/^o311_/);
    expect(issued.allowedActions).toEqual(['revoke']);
    const list = await sys.http.get('/open311/keys').query({ limit: 100 }).set('Authorization', admin);
    expect(list.body).toMatchObject({ total: list.body.items.length, limit: 100, offset: 0 });
    const listed = (list.body.items as Array<Record<string, unknown>>).find((k) => k.id === issued.id);
    expect(listed).toMatchObject({ keyPrefix: issued.key.slice(0, 9), state: 'active' });
    expect(JSON.stringify(list.body)).not.toContain(issued.key);
    expect((await post(issued.key, form({ description: '撤销前提交的问题' }))).status).toBe(201);

    const revoked = await sys.http.post(`/open311/keys/${issued.id}/revoke`).set('Authorization', admin);
    expect(revoked.body).toMatchObject({ state: 'revoked', allowedActions: [] });
    expect((await sys.http.post(`/open311/keys/${issued.id}/revoke`).set('Authorization', admin)).status).toBe(409);
    const after = await post(issued.key, form({ description: '撤销后提交的问题' }));
    expect(after.status).toBe(403);
    expect(after.body).toEqual([{ code: 403, description: 'invalid api_key' }]);
    expect((await sys.http.get(`${V2}/requests.json`).query({ api_key: issued.key })).status).toBe(403);
  });

  it('answers a retry with the same Idempotency-Key with the key issued once, never showing the key again', async () => {
    const send = () =>
      sys.http
        .post('/open311/keys')
        .set('Authorization', admin)
        .set('Idempotency-Key', 'issue-key-retry-1')
        .send({ unitId: seedId('ST-WEST'), label: 'Issued once' });
    const first = await send();
    expect(first.status).toBe(201);
    expect(first.body.key).toMatch(/^o311_/);
    const again = await send();
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toMatchObject({ id: first.body.id, keyPrefix: first.body.keyPrefix });
    expect(again.body.key).toBeUndefined();
    const page = await sys.http.get('/open311/keys').query({ limit: 100 }).set('Authorization', admin);
    expect((page.body.items as Array<{ label: string }>).filter((k) => k.label === 'Issued once')).toHaveLength(1);
    const kept = await sys.db.prisma.$queryRaw<Array<{ response: unknown }>>`SELECT response FROM idempotency_keys`;
    expect(JSON.stringify(kept)).not.toContain(first.body.key);
  });

  it('says why in the reader’s language', async () => {
    const res = await sys.http
      .post('/open311/keys')
      .set('Authorization', admin)
      .set('Accept-Language', 'zh-CN')
      .send({ unitId: '00000000-0000-4000-8000-000000000000', label: '无此单位' });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ path: 'body.unitId', message: '没有此单位' }]);
    const bad = await post(keys.east!, form({ description: '' }));
    expect(bad.status).toBe(400);
    const zh = await sys.http
      .post(`${V2}/requests.json`)
      .set('Accept-Language', 'zh-CN')
      .type('form')
      .send({ api_key: keys.east, ...form({ address_id: 'A-1' }) });
    expect(zh.body).toEqual([{ code: 400, description: 'address_id: 本系统不保存 address_id，请提供 address_string 或 lat 和 long' }]);
  });
});

describe('POST requests (form-encoded, with an api_key)', () => {
  it('files the request as a case of the key’s unit, with its fields mapped, and answers its id', async () => {
    const res = await post(keys.east, form({ email: 'wang.fang@example.test', 'attribute[urgent]': 'true' }));
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const [answer] = res.body as Array<{ service_request_id: string; service_notice: string; account_id: null }>;
    const clerk = await sys.login('east@ledger.test');
    const view = (await sys.http.get(`/cases/${answer!.service_request_id}`).set('Authorization', clerk)).body;
    expect(answer!.service_notice).toBe(`已登记为台账第 ${view.number} 号`);
    expect(view).toMatchObject({
      kind: 'hard_problem',
      urgent: true,
      status: 'district_review',
      category: '排水',
      title: '雨后东街口积水半米，行人无法通过。',
      location: '东街口公交站',
      coordinates: { latitude: 31.2304, longitude: 121.4737 },
      triedLocally: '街道已派人清理下水口。',
      reporter: { name: '王芳', contact: '13800000000', email: 'wang.fang@example.test' },
      filingUnit: { code: 'ST-EAST' },
    });
    expect(view.history[0]).toMatchObject({ type: 'filed', actorRole: 'street_staff' });
  });

  it('answers the same service_request_id for the same form sent again, and 409 for a reused Idempotency-Key', async () => {
    const fields = form({ description: '同一请求重发两次。' });
    const first = await post(keys.east, fields);
    const again = await post(keys.east, fields);
    expect([first.status, again.status]).toEqual([201, 200]);
    expect(again.body).toEqual(first.body);
    const keyed = () => sys.http.post(`${V2}/requests.json`).type('form').set('Idempotency-Key', 'hotline-ticket-0001');
    expect((await keyed().send({ api_key: keys.east, ...form({ description: '工单一' }) })).status).toBe(201);
    const reused = await keyed().send({ api_key: keys.east, ...form({ description: '另一张工单' }) });
    expect(reused.status).toBe(409);
    expect(reused.body[0]).toMatchObject({ code: 409 });
  });

  it('answers in XML when asked, and files with an address alone or a point alone', async () => {
    const res = await post(keys.east, form({ lat: '', long: '', description: '只有地址的问题' }), 'xml');
    // Empty fields are absent ones for a form: the place is the address.
    expect(res.status, res.text).toBe(201);
    expect(res.headers['content-type']).toMatch(/^text\/xml; charset=utf-8/);
    expect(res.text).toMatch(
      /^<\?xml version="1.0" encoding="utf-8"\?><service_requests><request><service_request_id>[0-9a-f-]{36}<\/service_request_id>/,
    );
    const point = await post(keys.east, { ...form({ description: '只有坐标的问题' }), address_string: '' });
    expect(point.status, JSON.stringify(point.body)).toBe(201);
  });

  it('refuses what the ledger cannot file, in the spec’s error format, naming the client’s fields', async () => {
    const missing = await post(keys.east, { ...form(), 'attribute[tried_locally]': '' });
    expect(missing.status).toBe(400);
    expect(missing.body).toEqual([{ code: 400, description: 'attribute[tried_locally]: required attribute missing' }]);
    expect((await post(keys.east, form({ service_code: 'hard_problem-potholes' }))).status).toBe(404);
    expect((await post(keys.east, form({ address_id: 'A-1', address_string: '', lat: '', long: '' }))).body[0].description).toMatch(
      /^address_id: /,
    );
    const future = await post(keys.east, form({ 'attribute[found_on]': '2099-01-01' }));
    expect(future.status).toBe(400);
    expect(future.body[0].description).toMatch(/^attribute\[found_on\]: cannot be in the future/);
    const short = await post(keys.east, form({ description: '坏' }));
    expect(short.body[0].description).toMatch(/^attribute\[title\]: /);
    const unknownField = await post(keys.east, form({ color: 'red' }));
    expect(unknownField.status).toBe(400);
    expect((await post(undefined, form())).status).toBe(400);
    expect((await post('o311_not-a-key', form())).status).toBe(403);
    expect((await post(keys.district, form())).body).toEqual([
      { code: 403, description: 'this api_key’s unit files no cases; it may only read' },
    ]);
    const xml = await post(keys.east, form({ jurisdiction_id: 'elsewhere' }), 'xml');
    expect(xml.status).toBe(404);
    expect(xml.text).toBe(
      '<?xml version="1.0" encoding="utf-8"?><errors><error><code>404</code><description>jurisdiction_id elsewhere not found</description></error></errors>',
    );
  });

  it('keeps a media_url’s photo from an allowed host once, and refuses any other', async () => {
    const fields = form({ description: '带照片的问题', media_url: `http://${photoHost}/photo.png` });
    const res = await post(keys.east, fields);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((await post(keys.east, fields)).status).toBe(200);
    const clerk = await sys.login('east@ledger.test');
    const view = (await sys.http.get(`/cases/${res.body[0].service_request_id}`).set('Authorization', clerk)).body;
    expect(view.attachments).toMatchObject([{ fileName: 'photo.png', contentType: 'image/png', sizeBytes: PNG_BYTES.length }]);

    const refusals = {
      'http://files.example.invalid/photo.png': /^media_url: photos are fetched only from 127\.0\.0\.1:/,
      [`http://${photoHost}/moved.png`]: /^media_url: answered with a redirect/,
      [`http://${photoHost}/page.html`]: /^media_url: a PNG or JPEG photo is needed, not text\/html/,
      'file:///etc/passwd': /^media_url: only http and https/,
    };
    for (const [url, reason] of Object.entries(refusals)) {
      const refused = await post(keys.east, form({ description: `照片被拒：${url}`, media_url: url }));
      expect(refused.status, url).toBe(400);
      expect(refused.body[0].description, url).toMatch(reason);
    }
  });
});

describe('keyed reads (reads are not public here)', () => {
  let eastCase: string;
  let westCase: string;
  beforeAll(async () => {
    eastCase = (await fileAs(sys, await sys.login('east@ledger.test'), { title: 'East only', category: '排水' })).id;
    westCase = (await fileAs(sys, await sys.login('west@ledger.test'), { title: 'West only', category: '排水' })).id;
  });
  const read = (path: string, query: Record<string, string> = {}) => sys.http.get(`${V2}/${path}`).query(query);
  const ids = (body: Array<{ service_request_id: string }>) => body.map((r) => r.service_request_id);

  it('keeps the service list public, and refuses requests without a key', async () => {
    expect((await read('services.json')).status).toBe(200);
    expect((await read('services/hard_problem-drainage.xml')).text).toContain('<code>tried_locally</code>');
    const refused = await read('requests.json');
    expect(refused.status).toBe(403);
    expect(refused.body).toEqual([{ code: 403, description: 'this district’s requests are read with an api_key' }]);
    expect((await read('requests/nope.json')).status).toBe(403);
  });

  it('shows each key what its unit may see, and another unit’s case as not found', async () => {
    const east = await read('requests.json', { api_key: keys.east });
    expect(ids(east.body)).toContain(eastCase);
    expect(ids(east.body)).not.toContain(westCase);
    expect(east.body.find((r: { service_request_id: string }) => r.service_request_id === eastCase)).toMatchObject({
      title: 'East only',
      ledger_number: expect.any(Number),
    });
    expect((await read(`requests/${westCase}.json`, { api_key: keys.east })).status).toBe(404);
    expect((await read(`requests/${westCase}.json`, { api_key: keys.west })).body[0]).toMatchObject({ service_request_id: westCase });
    const district = await read('requests.json', { api_key: keys.district, service_code: 'hard_problem-drainage' });
    expect(ids(district.body)).toEqual(expect.arrayContaining([eastCase, westCase]));
    const north = await read('requests.json', { api_key: keys.northDistrict });
    expect(north.status).toBe(200);
    expect(ids(north.body)).not.toContain(eastCase);
    expect(ids(north.body)).not.toContain(westCase);
    expect(JSON.stringify(east.body)).not.toContain('Li Wei');
  });

  it('holds date ranges to 90 days and answers bad queries with one error per field, in XML too', async () => {
    const tooLong = await read('requests.json', {
      api_key: keys.east,
      start_date: '2026-01-01T00:00:00Z',
      end_date: '2026-06-01T00:00:00Z',
    });
    expect(tooLong.body).toEqual([{ code: 400, description: 'end_date: a range may not span more than 90 days' }]);
    const bad = await read('requests.xml', { api_key: keys.east, status: 'pending', start_date: 'yesterday' });
    expect(bad.status).toBe(400);
    const described = [...bad.text.matchAll(/<description>(\w+)/g)].map((m) => m[1]);
    expect(new Set(described)).toEqual(new Set(['status', 'start_date']));
    const old = await read('requests.json', { api_key: keys.east, start_date: '2020-01-01T00:00:00+08:00' });
    expect(old.body).toEqual([]);
    expect((await read('nothing-here.json')).body).toEqual([{ code: 404, description: 'no route for GET /open311/v2/nothing-here.json' }]);
  });

  it('reads a hundred ids in one query, and names the field of a query too long instead of refusing the request line', async () => {
    const server = await sys.listen();
    try {
      const get = (query: Record<string, string>) =>
        fetch(`${server.url}${V2}/requests.json?${new URLSearchParams({ api_key: keys.east, ...query })}`, {
          headers: { 'Accept-Language': 'en' },
        });
      const hundred = [eastCase, ...Array.from({ length: 99 }, () => crypto.randomUUID())];
      const many = await get({ service_request_id: hundred.join(',') });
      expect(many.status).toBe(200);
      expect(ids((await many.json()) as Array<{ service_request_id: string }>)).toEqual([eastCase]);
      // 2,000 Chinese characters take 18 kB once percent-encoded: past Node's default room for a request line.
      const long = await get({ jurisdiction_id: '路'.repeat(2000) });
      expect(long.status).toBe(400);
      expect(((await long.json()) as Array<{ description: string }>)[0]?.description).toMatch(/^jurisdiction_id: /);
      const spaced = await get({ service_request_id: `${eastCase} , ${westCase}`, status: 'open, closed' });
      expect(ids((await spaced.json()) as Array<{ service_request_id: string }>)).toEqual([eastCase]);
    } finally {
      await server.close();
    }
  });
});
