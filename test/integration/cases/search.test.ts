import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fileAs, stepOk } from '../../support/case-steps.ts';
import { projectedAndBackfilled } from '../../support/backfill.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

let sys: TestSystem;
let district: string;
let east: string;
const ids: Record<string, string> = {};

// Chinese and Latin cases in two districts' units; the search goes through the gram index.
beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename);
  east = await sys.login('east@ledger.test');
  const west = await sys.login('west@ledger.test');
  const north = await sys.login('north@ledger.test');
  district = await sys.login('district@ledger.test');
  ids.lamp = (
    await fileAs(sys, east, {
      title: '幸福路路灯不亮',
      description: '十二盏路灯坏了一个月',
      category: '市政设施',
      location: '幸福路1-40号',
    })
  ).id;
  ids.drain = (
    await fileAs(sys, west, {
      urgent: true,
      title: '下水道堵塞',
      description: '雨后积水严重，路灯旁的井盖松动',
      category: '排水',
      location: '和平街',
    })
  ).id;
  ids.latin = (
    await fileAs(sys, east, { title: 'Broken Pump at Canal Street', description: 'The pump fails after rain.', location: 'Canal Street 7' })
  ).id;
  ids.percent = (
    await fileAs(sys, west, { title: 'Fees up 100% at the market', description: 'Stall_fees doubled.', location: 'Market Hall' })
  ).id;
  ids.north = (await fileAs(sys, north, { title: '北街路灯不亮', description: '路灯不亮', location: '北街' })).id;
  await stepOk(sys, district, ids.drain, 'forward', { summary: 'For the city.' });
});
afterEach(() => sys.assertReconciled());
afterAll(() => sys?.stop());

const search = async (token: string, q: string) => {
  const res = await sys.http.get('/cases').query({ q }).set('Authorization', token);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.items as Array<{ id: string }>).map((c) => c.id).sort();
};

describe('GET /cases?q=', () => {
  it('finds 2-character and longer Chinese queries in any searched field', async () => {
    expect(await search(district, '路灯')).toEqual([ids.lamp, ids.drain].sort());
    expect(await search(district, '路灯不亮')).toEqual([ids.lamp]);
    expect(await search(district, '一个月')).toEqual([ids.lamp]);
    expect(await search(district, '排水')).toEqual([ids.drain]);
    expect(await search(district, '和平')).toEqual([ids.drain]);
    expect(await search(district, '灯亮')).toEqual([]);
  });

  it('finds Latin text whatever its case, across words, and not what is only near', async () => {
    expect(await search(district, 'canal street')).toEqual([ids.latin]);
    expect(await search(district, 'PUMP')).toEqual([ids.latin]);
    expect(await search(district, 'ump fa')).toEqual([ids.latin]);
    expect(await search(district, 'pump rain')).toEqual([]);
  });

  it('takes % and _ literally', async () => {
    expect(await search(district, '100%')).toEqual([ids.percent]);
    expect(await search(district, '%%')).toEqual([]);
    expect(await search(district, '1_0')).toEqual([]);
    expect(await search(district, 'l_f')).toEqual([ids.percent]);
    expect(await search(district, 'p%r')).toEqual([]);
    expect(await search(district, '\\%')).toEqual([]);
  });

  it('stays within the caller’s scope', async () => {
    expect(await search(east, '路灯')).toEqual([ids.lamp]);
    expect(await search(await sys.login('north-district@ledger.test'), '路灯')).toEqual([ids.north]);
    expect(await search(await sys.login('admin@ledger.test'), '路灯不亮')).toEqual([ids.lamp, ids.north].sort());
  });
});

describe('the backfill migration', () => {
  it('keeps the same columns the backfill migration computes from the events', async () => {
    const { projected, backfilled } = await projectedAndBackfilled(sys.db.url);
    expect(backfilled).toEqual(projected);
    expect(projected.facts.length).toBeGreaterThan(0);
  });
});

describe('municipal visibility', () => {
  it('shows a municipal liaison the forwarded cases only, in lists, reads and statistics', async () => {
    const city = await sys.login('city@ledger.test');
    const list = await sys.http.get('/cases').set('Authorization', city);
    expect(list.body.items.map((c: { id: string }) => c.id)).toEqual([ids.drain]);
    expect((await sys.http.get(`/cases/${ids.drain}`).set('Authorization', city)).status).toBe(200);
    expect((await sys.http.get(`/cases/${ids.lamp}`).set('Authorization', city)).status).toBe(404);
    expect((await sys.http.get('/statistics').set('Authorization', city)).body.total).toMatchObject({ filed: 1, forwarded: 1 });
    const rows = await sys.db.prisma.case.findMany({ where: { forwardedToMunicipal: true }, select: { id: true } });
    expect(rows.map((r) => r.id)).toEqual([ids.drain]);
  });
});
