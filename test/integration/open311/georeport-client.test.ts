import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../lib/config.ts';
import { fileAs, stepOk } from '../../support/case-steps.ts';
import { ensureGeoReportClient } from '../../support/python-tools.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

/**
 * A real Open311 client, the `georeport` package from PyPI, reads the running system (its reads made
 * public for this file): the service list, a service definition, the requests and one request, in
 * JSON and in XML. What it got back is checked here against the ledger.
 */
type Request = Record<string, unknown>;
type Answers = { services: Request[]; definition: Request; requests: Request[]; open_requests: Request[] | Request; request: Request };

let sys: TestSystem;
let api: { url: string; close(): Promise<void> };
let read: Record<'json' | 'xml', Answers>;
let forwarded: { id: string };
let drainage: { id: string };
let otherCategory: { id: string };

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename, {
    configure: (config) => ({ ...config, open311: { ...config.open311, publicReads: true } }),
  });
  const east = await sys.login('east@ledger.test');
  const district = await sys.login('district@ledger.test');
  drainage = await fileAs(sys, east, {
    title: '东街积水',
    category: '排水',
    description: '雨后东街口积水半米。',
    location: '东街口',
    reporter: { name: '王芳', contact: '13800000000', email: 'wang.fang@example.test' },
    coordinates: { latitude: 31.2304, longitude: 121.4737 },
  });
  forwarded = await fileAs(sys, east, { urgent: true, title: '路灯不亮', category: '市政设施', reporter: { name: '李伟' } });
  await stepOk(sys, district, forwarded.id, 'forward', { summary: '需市级协调供电公司' });
  otherCategory = await fileAs(sys, east, { category: 'water supply pressure', reporter: { name: 'Zhang San' } });
  api = await sys.listen();
  const python = ensureGeoReportClient(loadConfig().cacheDir, loadConfig().testing.georeportVersion);
  if (!python) throw new Error('no python3: the georeport client cannot be installed');
  const script = path.join(import.meta.dirname, '..', '..', 'support', 'georeport-read.py');
  // Asynchronously: the API answering the client runs in this very process.
  const { stdout } = await promisify(execFile)(python, [script, `${api.url}/open311/v2`, 'hard_problem-drainage', drainage.id], {
    timeout: 120_000,
  });
  read = JSON.parse(stdout) as typeof read;
});
afterAll(async () => {
  await api?.close();
  await sys?.stop();
});

describe('the georeport client (PyPI) reads the ledger', () => {
  it('lists every kind in every category as a service, with metadata, in JSON and XML alike', () => {
    const codes = read.json.services.map((s) => s.service_code);
    expect(codes).toContain('hard_problem-drainage');
    expect(codes).toContain('unclaimed_project-other');
    expect(read.json.services.find((s) => s.service_code === 'hard_problem-drainage')).toMatchObject({
      service_name: '排水（难点问题）',
      metadata: true,
      type: 'realtime',
      group: '难点问题',
    });
    // xmltodict: the same services, every value a string.
    expect(read.xml.services.map((s) => s.service_code)).toEqual(codes);
    expect(read.xml.services[0]).toMatchObject({ metadata: 'true', type: 'realtime' });
  });

  it('reads a service definition: the Annex 3 fields as attributes, the required ones marked', () => {
    const attributes = read.json.definition.attributes as Array<Record<string, unknown>>;
    expect(read.json.definition.service_code).toBe('hard_problem-drainage');
    expect(attributes.filter((a) => a.required).map((a) => a.code)).toEqual(['tried_locally', 'help_needed']);
    const urgent = attributes.find((a) => a.code === 'urgent');
    expect(urgent).toMatchObject({ datatype: 'singlevaluelist', values: [{ key: 'false' }, { key: 'true' }] });
    const xml = read.xml.definition as { attributes: { attribute: Array<Record<string, unknown>> } };
    expect(xml.attributes.attribute.map((a) => a.code)).toEqual(attributes.map((a) => a.code));
  });

  it('reads the requests: status and notes from the ledger, the place and point, nothing personal', () => {
    const byId = new Map(read.json.requests.map((r) => [r.service_request_id, r]));
    expect([...byId.keys()].sort()).toEqual([drainage.id, forwarded.id, otherCategory.id].sort());
    expect(byId.get(drainage.id)).toMatchObject({
      status: 'open',
      status_notes: '登记',
      service_code: 'hard_problem-drainage',
      description: '雨后东街口积水半米。',
      address: '东街口',
      lat: 31.2304,
      long: 121.4737,
      agency_responsible: 'East Street Office',
    });
    expect(byId.get(forwarded.id)).toMatchObject({
      status_notes: '转市级协调',
      service_code: 'hard_problem-infrastructure',
      agency_responsible: 'Municipal Party Committee Organization Department',
    });
    // A category outside the catalogue is served as its kind's "other".
    expect(byId.get(otherCategory.id)).toMatchObject({ service_code: 'hard_problem-other', lat: null });
    const everything = JSON.stringify(read);
    for (const personal of ['王芳', '13800000000', 'wang.fang@example.test', '李伟', 'Zhang San'])
      expect(everything).not.toContain(personal);
    // Without a key, the ledger's own fields stay home too.
    expect(byId.get(drainage.id)).not.toHaveProperty('title');
  });

  it('filters by status and service code, and reads one request, in XML too', () => {
    const open = read.json.open_requests as Request[];
    expect(open.map((r) => r.service_request_id)).toEqual([drainage.id]);
    expect(read.json.request).toMatchObject({ service_request_id: drainage.id, status: 'open' });
    expect(read.xml.request).toMatchObject({ service_request_id: drainage.id, status: 'open', lat: '31.2304', address_id: null });
    expect((read.xml.requests as Request[]).map((r) => r.service_request_id).sort()).toEqual(
      read.json.requests.map((r) => r.service_request_id).sort(),
    );
  });
});
