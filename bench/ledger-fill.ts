import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { searchGrams } from '../domain/cases/case-search.ts';
import { categoryKey, countsAsMerged, placeKey, statisticsOutcome } from '../domain/statistics/ledger-keys.ts';
import { seedId } from '../domain/directory/seed.ts';
import type { CaseDetails } from '../model/cases/case-details.ts';
import type { CaseEventType, CaseStatus } from '../model/cases/lifecycle.ts';

/**
 * A realistic ledger for `npm run bench:ledger`: cases of many units over four years, most in
 * Chinese, some in Latin text, in every status with the events that led there; the derived columns
 * (search grams, statistics facts) come from the projection's own rules. Inserted with multi-row
 * INSERTs (unnest of arrays), the search index built once at the end.
 */
const CN_PLACES = [
  '幸福路',
  '和平街',
  '人民路',
  '解放路',
  '建设路',
  '中山路',
  '文化街',
  '新华路',
  '滨江路',
  '光明巷',
  '朝阳小区',
  '东风路',
  '青年路',
  '花园小区',
  '长安街',
  '团结路',
];
const CN_PROBLEMS: Array<[string, string, string]> = [
  ['路灯不亮', '市政设施', '十二盏路灯坏了一个多月，夜间出行不安全'],
  ['下水道堵塞', '排水', '雨后积水严重，污水外溢，居民出行困难'],
  ['井盖松动', '市政设施', '井盖松动发出响声，存在安全隐患'],
  ['噪音扰民', '环境', '夜间施工噪音很大，影响居民休息'],
  ['垃圾清运不及时', '环境卫生', '垃圾桶满了没人清运，气味很大'],
  ['停车位不足', '交通', '小区停车位不足，车辆乱停乱放'],
  ['老旧小区加装电梯', '住房', '老人上下楼困难，希望加装电梯'],
  ['菜市场油烟', '环境', '菜市场油烟直排，周边居民反映强烈'],
  ['道路破损', '交通', '路面坑洼不平，雨天积水，电动车容易摔倒'],
  ['公园健身器材损坏', '公共服务', '健身器材损坏多时无人维修'],
  ['自来水水压低', '供水', '高层住户水压不足，早晚用水困难'],
  ['违章搭建', '城市管理', '楼顶违章搭建，存在消防隐患'],
];
const EN_PLACES = [
  'Elm Road',
  'Canal Street',
  'Harbour Road',
  'Hill Farm Lane',
  'Market Hall',
  'Station Square',
  'River Walk',
  'Oak Avenue',
];
const EN_PROBLEMS: Array<[string, string, string]> = [
  ['Street lights out', 'streetlights', 'Six street lights have been dark for a month.'],
  ['Blocked drains', 'drainage', 'The drains overflow after every heavy rain.'],
  ['Loose manhole cover', 'infrastructure', 'A loose manhole cover rattles and is a danger to cyclists.'],
  ['Night-time noise', 'noise', 'Construction noise at night keeps residents awake.'],
  ['Broken pavement', 'roads', 'Broken paving stones trip elderly residents.'],
  ['Low water pressure', 'water supply', 'Upper floors have almost no water pressure in the morning.'],
];
type Step = { type: CaseEventType; to: CaseStatus };

const pick = <T>(list: readonly T[], n: number) => list[n % list.length]!;
/** A cheap deterministic hash, so a run's ledger is the same every time. */
const mix = (n: number, salt: number) => {
  let x = Math.imul(n ^ (salt * 0x9e3779b1), 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) >>> 0;
};

/** The statuses in the mix (percent) and the events that lead there after the filing. */
function pathOf(n: number, urgent: boolean): { status: CaseStatus; steps: Step[]; details: CaseDetails } {
  const r = mix(n, 1) % 100;
  const start: Step[] = urgent ? [{ type: 'filed', to: 'district_review' }] : [{ type: 'filed', to: 'awaiting_submission' }];
  const atDistrict: Step[] = urgent ? start : [...start, { type: 'submitted_with_ledger', to: 'district_review' }];
  const forwarded: Step[] = [...atDistrict, { type: 'forwarded_to_municipal', to: 'municipal_coordination' }];
  const atCity = mix(n, 2) % 2 === 0;
  const result: Step[] = atCity
    ? [...forwarded, { type: 'resolved_by_municipal', to: 'awaiting_feedback' }]
    : [...atDistrict, { type: 'solved_at_district', to: 'awaiting_feedback' }];
  const resolution = { level: atCity ? ('municipal' as const) : ('district' as const), text: '已处理 Repaired', solved: true };
  if (r < 30 && !urgent) return { status: 'awaiting_submission', steps: start, details: {} };
  if (r < 45) return { status: 'district_review', steps: atDistrict, details: {} };
  if (r < 55) return { status: 'municipal_coordination', steps: forwarded, details: { districtSummary: '请市级协调' } };
  if (r < 63) return { status: 'awaiting_feedback', steps: result, details: { resolution } };
  if (r < 93) {
    const steps: Step[] = [...result, { type: 'reporter_satisfied', to: 'closed' }];
    return { status: 'closed', steps, details: { resolution, feedback: { satisfied: true }, closedBecause: 'reporter_satisfied' } };
  }
  if (r < 98)
    return { status: 'rejected', steps: [...atDistrict, { type: 'rejected', to: 'rejected' }], details: { rejectionReason: '重复反映' } };
  return { status: 'merged', steps: [...atDistrict, { type: 'merged', to: 'merged' }], details: {} };
}

const FOUR_YEARS_MS = 4 * 365 * 86_400_000;
const DAY_MS = 86_400_000;

/** The ledger's texts come from a finite vocabulary: each combination's grams are worked out once. */
const gramsCache = new Map<string, string>();
function gramsOf(fields: { title: string; description: string; location: string; category: string }) {
  const key = `${fields.title}|${fields.description}|${fields.location}|${fields.category}`;
  let grams = gramsCache.get(key);
  if (grams === undefined) {
    grams = searchGrams(fields).join('\x1f');
    gramsCache.set(key, grams);
  }
  return grams;
}

function generate(n: number, total: number, units: string[], filer: string, end: number) {
  const chinese = mix(n, 3) % 10 < 7;
  const [problem, category, description] = chinese ? pick(CN_PROBLEMS, mix(n, 4)) : pick(EN_PROBLEMS, mix(n, 4));
  const place = chinese ? pick(CN_PLACES, mix(n, 5)) : pick(EN_PLACES, mix(n, 5));
  const number = (mix(n, 6) % 120) + 1;
  const title = chinese ? `${place}${problem}` : `${problem} on ${place}`;
  const location = chinese ? `${place}${number}号` : `${place} ${number}`;
  const urgent = mix(n, 7) % 5 === 0;
  const filedAt = end - FOUR_YEARS_MS + Math.floor((n / total) * FOUR_YEARS_MS) + (mix(n, 8) % 3_600_000);
  const { status, steps, details } = pathOf(n, urgent);
  const id = randomUUID();
  const events = steps.map((s, i) => ({ type: s.type, to: s.to, at: new Date(filedAt + i * (1 + (mix(n, 9 + i) % 9)) * DAY_MS) }));
  const firstResult = events.find((e) => e.type === 'solved_at_district' || e.type === 'resolved_by_municipal');
  const last = events[events.length - 1]!;
  const final = status === 'closed' || status === 'rejected' || status === 'merged';
  const satisfied = events.filter((e) => e.type === 'reporter_satisfied').length;
  return {
    row: [
      id,
      `case-${id}`,
      `bench-${n}`,
      'h',
      pick(units, mix(n, 10)),
      filer,
      mix(n, 11) % 3 === 0 ? 'unclaimed_project' : 'hard_problem',
      urgent,
      title,
      description,
      category,
      location,
      new Date(filedAt - 3 * DAY_MS).toISOString().slice(0, 10),
      '已与物业沟通',
      '需要协调解决',
      `居民${mix(n, 12) % 1000}`,
      status,
      JSON.stringify(details),
      new Date(filedAt),
      last.at,
      final ? last.at : null,
      events.some((e) => e.type === 'forwarded_to_municipal'),
      events.length,
      gramsOf({ title, description, location, category }),
    ],
    events: events.map((e, i) => [randomUUID(), id, i + 1, e.type, e.to, e.at]),
    facts: [
      id,
      pick(units, mix(n, 10)),
      new Date(filedAt),
      status,
      mix(n, 11) % 3 === 0 ? 'unclaimed_project' : 'hard_problem',
      category,
      categoryKey(category),
      placeKey(location),
      events.some((e) => e.type === 'forwarded_to_municipal'),
      statisticsOutcome(status, details),
      countsAsMerged(status, details),
      firstResult?.at ?? null,
      false,
      satisfied,
      satisfied,
    ],
  };
}

type Generated = ReturnType<typeof generate>;

async function insertBatch(client: pg.Client, batch: Generated[]) {
  await client.query(
    `INSERT INTO cases (id, workflow_id, idempotency_key, request_hash, filing_unit_id, filed_by_user_id, kind, urgent, title, description,
         category, location, found_on, tried_locally, help_needed, reporter_name, status, details, filed_at, updated_at, closed_at,
         forwarded_to_municipal, event_sequence, search_grams, responsible_level)
       SELECT a, b, c, d, e, f, g::"CaseKind", h, i, j, k, l, m::date, n, o, p, q::"CaseStatus", r::jsonb, s, t, u, v, w, string_to_array(x, E'\\x1f'), 'district'
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::uuid[], $6::uuid[], $7::text[], $8::bool[], $9::text[], $10::text[],
         $11::text[], $12::text[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[], $18::text[], $19::timestamptz[],
         $20::timestamptz[], $21::timestamptz[], $22::bool[], $23::int[], $24::text[]) AS t(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o, p, q, r, s, t, u, v, w, x)`,
    columns(batch.map((b) => b.row)),
  );
  const eventRows = batch.flatMap((b) => b.events);
  await client.query(
    `INSERT INTO case_events (id, case_id, sequence, type, to_status, occurred_at)
       SELECT a, b, c, d, e::"CaseStatus", f FROM unnest($1::uuid[], $2::uuid[], $3::int[], $4::text[], $5::text[], $6::timestamptz[]) AS t(a, b, c, d, e, f)`,
    columns(eventRows),
  );
  await client.query(
    `INSERT INTO case_facts (case_id, filing_unit_id, filed_at, status, kind, category, category_key, place_key, forwarded_to_municipal,
         outcome, merged, first_result_at, went_overdue, satisfied_answers, feedback_answers)
       SELECT a, b, c, d::"CaseStatus", e::"CaseKind", f, g, h, i, j, k, l, m, n, o
       FROM unnest($1::uuid[], $2::uuid[], $3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bool[],
         $10::text[], $11::bool[], $12::timestamptz[], $13::bool[], $14::int[], $15::int[]) AS t(a, b, c, d, e, f, g, h, i, j, k, l, m, n, o)`,
    columns(batch.map((b) => b.facts)),
  );
}

const columns = (rows: unknown[][]) => rows[0]!.map((_, i) => rows.map((r) => r[i]));

export async function fillLedger(client: pg.Client, total: number, units: string[], log: (m: string) => void) {
  const filer = seedId('user:east@ledger.test');
  const end = Date.parse('2026-11-20T00:00:00Z');
  await client.query('DROP INDEX IF EXISTS cases_search_grams_idx');
  let events = 0;
  const started = Date.now();
  const batchAt = (from: number) =>
    Array.from({ length: Math.min(5000, total - from) }, (_, i) => generate(from + i, total, units, filer, end));
  let batch = batchAt(0);
  for (let from = 0; from < total; from += 5000) {
    // The next batch is generated while PostgreSQL writes this one.
    const writing = insertBatch(client, batch);
    events += batch.reduce((sum, b) => sum + b.events.length, 0);
    const next = from + 5000 < total ? batchAt(from + 5000) : [];
    await writing;
    batch = next;
    if ((from + 5000) % 100_000 === 0)
      log(
        `  ${(from + 5000).toLocaleString('en')} cases, ${events.toLocaleString('en')} events (${Math.round((Date.now() - started) / 1000)} s)`,
      );
  }
  log('building the search index');
  await client.query("SET maintenance_work_mem = '1GB'");
  await client.query('CREATE INDEX cases_search_grams_idx ON cases USING GIN (search_grams)');
  await client.query('VACUUM ANALYZE cases');
  await client.query('VACUUM ANALYZE case_facts');
  await client.query('VACUUM ANALYZE case_events');
  return { cases: total, events, seconds: Math.round((Date.now() - started) / 1000) };
}
