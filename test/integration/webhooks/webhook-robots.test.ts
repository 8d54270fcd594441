import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCycleActivities } from '../../../activities/cycle/cycles.ts';
import { seedId } from '../../../domain/directory/seed.ts';
import { systemClock } from '../../../lib/clock.ts';
import { loadConfig } from '../../../lib/config.ts';
import { createMailer } from '../../../lib/mailer.ts';
import { createLocalDirectoryStorage } from '../../../lib/storage.ts';
import { fileAs, stepOk } from '../../support/case-steps.ts';
import { addLeader, recordActivity } from '../../support/leader-steps.ts';
import { eventually, startReceiver, type Receiver } from '../../support/receivers.ts';
import { startTestSystem, type TestSystem } from '../../support/system.ts';

/**
 * The group robots' formats against local receivers that answer as WeCom (企业微信) and DingTalk (钉钉)
 * document it (`{"errcode":0,"errmsg":"ok"}`), and the other sources of events: the half-year cycle's
 * reminders and leader activities waiting for a street's confirmation.
 */
let sys: TestSystem;
let admin: string, east: string, district: string, civil: string;
const receivers: Receiver[] = [];
const OK = { status: 200, body: '{"errcode":0,"errmsg":"ok"}' };

beforeAll(async () => {
  sys = await startTestSystem(import.meta.filename, {
    configure: (config) => ({
      ...config,
      webhooks: { ...config.webhooks, pollMs: 100, delivery: { ...config.webhooks.delivery, retryInitialMs: 200, retryMaxMs: 500 } },
    }),
  });
  [admin, east, district, civil] = (await Promise.all(
    ['admin@ledger.test', 'east@ledger.test', 'district@ledger.test', 'civil@ledger.test'].map((e) => sys.login(e)),
  )) as [string, string, string, string];
});
afterAll(async () => {
  for (const r of receivers) await r.close().catch(() => {});
  await sys?.stop();
});

async function robot(answer: Parameters<typeof startReceiver>[0] = () => OK) {
  const r = await startReceiver(answer);
  receivers.push(r);
  return r;
}
async function register(body: Record<string, unknown>) {
  const res = await sys.http
    .post('/webhooks')
    .set('Authorization', admin)
    .send({ label: 'group robot', ...body });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; url: string; signed: boolean; secret?: string };
}
const bodies = (r: Receiver) => r.received.map((request) => JSON.parse(request.body) as Record<string, Record<string, string> | string>);
const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');

describe('WeCom (企业微信) group robots', () => {
  it('get a forward as markdown in WeCom’s shape, in the district’s language, with the key kept out of sight', async () => {
    const wecom = await robot();
    const hook = await register({
      unitId: seedId('DIST'),
      url: `${wecom.url}/cgi-bin/webhook/send?key=693a91f6-7xxx`,
      format: 'wecom_markdown',
      events: ['forwarded'],
    });
    expect(hook.url).toBe(`${wecom.url}/cgi-bin/webhook/send?key=…`);
    expect(hook).not.toHaveProperty('secret');
    const filed = await fileAs(sys, east, { urgent: true, title: '路灯*不亮*' });
    await stepOk(sys, district, filed.id, 'forward', { summary: '需市级协调' });
    const [message] = await eventually(
      () => bodies(wecom),
      (b) => b.length === 1,
    );
    expect(wecom.received[0]!.query.get('key')).toBe('693a91f6-7xxx');
    expect(Object.keys(message!)).toEqual(['msgtype', 'markdown']);
    expect(message).toMatchObject({ msgtype: 'markdown', markdown: { content: expect.any(String) } });
    const content = (message!.markdown as Record<string, string>).content!;
    expect(content.split('\n\n')).toEqual([
      `**【转市级协调】第 ${filed.number} 号 路灯\\*不亮\\***`,
      '> East Street Office · 难点问题 · 紧急',
      expect.stringMatching(/^> 现状：市级协调，期限 \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/),
    ]);
    expect(utf8Bytes(content)).toBeLessThanOrEqual(4096);
  });

  it('retry a message the robot turns away (its rate limit, errcode 45009) until it takes it, as text', async () => {
    let answers = 0;
    const busy = await robot(() => (++answers <= 2 ? { status: 200, body: '{"errcode":45009,"errmsg":"api freq out of limit"}' } : OK));
    const hook = await register({
      unitId: seedId('ST-EAST'),
      url: `${busy.url}/cgi-bin/webhook/send?key=k`,
      format: 'wecom_text',
      events: ['filed'],
    });
    const filed = await fileAs(sys, east, { title: 'Webhook: a robot busy at first' });
    const [message] = await eventually(
      () => bodies(busy),
      (b) => b.length === 1,
    );
    expect(Object.keys(message!)).toEqual(['msgtype', 'text']);
    const content = (message!.text as Record<string, string>).content!;
    expect(content).toBe(`【新登记】第 ${filed.number} 号 Webhook: a robot busy at first\nEast Street Office · 难点问题\n现状：待报送`);
    // The robot took it before the delivery is written as delivered: wait for that.
    const deliveries = await eventually(
      async () => (await sys.http.get(`/webhooks/${hook.id}/deliveries`).set('Authorization', admin)).body.items,
      (items: Array<{ state: string }>) => items[0]?.state === 'delivered',
    );
    expect(deliveries).toMatchObject([{ state: 'delivered', attempts: 3, lastError: null, lastStatus: 200 }]);
  });
});

describe('DingTalk (钉钉) group robots', () => {
  it('get signed URLs (timestamp and sign) and DingTalk’s text and markdown shapes', async () => {
    const ding = await robot();
    const secret = 'SEC0123456789abcdef';
    const textHook = await register({
      unitId: seedId('ST-EAST'),
      url: `${ding.url}/robot/send?access_token=tok`,
      format: 'dingtalk_text',
      events: ['returned'],
      secret,
    });
    expect(textHook).toMatchObject({ signed: true });
    expect(textHook).not.toHaveProperty('secret');
    await register({
      unitId: seedId('ST-EAST'),
      url: `${ding.url}/robot/send?access_token=md`,
      format: 'dingtalk_markdown',
      events: ['returned'],
    });
    const filed = await fileAs(sys, east, { urgent: true, title: '东街井盖缺失' });
    await stepOk(sys, district, filed.id, 'return', { questions: '请补充具体位置' });
    await eventually(
      () => ding.received,
      (r) => r.length === 2,
    );
    const text = ding.received.find((r) => r.query.get('access_token') === 'tok')!;
    const markdown = ding.received.find((r) => r.query.get('access_token') === 'md')!;

    const timestamp = text.query.get('timestamp')!;
    expect(Math.abs(Number(timestamp) - Date.now())).toBeLessThan(60 * 60 * 1000);
    const expected = createHmac('sha256', secret).update(`${timestamp}\n${secret}`).digest('base64');
    expect(text.query.get('sign')).toBe(expected);
    expect(JSON.parse(text.body)).toEqual({
      msgtype: 'text',
      text: { content: `【退回补充】第 ${filed.number} 号 东街井盖缺失\nEast Street Office · 难点问题 · 紧急\n现状：退回补充` },
    });

    // No secret given: the robot's URL is used as it is.
    expect([...markdown.query.keys()]).toEqual(['access_token']);
    const body = JSON.parse(markdown.body) as { msgtype: string; markdown: { title: string; text: string } };
    expect(Object.keys(body)).toEqual(['msgtype', 'markdown']);
    expect(body.markdown.title).toBe(`【退回补充】第 ${filed.number} 号 东街井盖缺失`);
    expect(body.markdown.text).toContain('**【退回补充】');
  });
});

describe('other sources of events', () => {
  it('tells the units that owe their ledger, and their district, of a cycle’s reminder', async () => {
    const street = await robot();
    const otherStreet = await robot();
    await register({
      unitId: seedId('ST-EAST'),
      url: `${street.url}/robot/send?access_token=a`,
      format: 'dingtalk_text',
      events: ['cycle_deadline'],
    });
    await register({
      unitId: seedId('PK-EDZ'),
      url: `${otherStreet.url}/robot/send?access_token=b`,
      format: 'dingtalk_text',
      events: ['cycle_deadline'],
    });
    const mailer = createMailer(sys.smtp.url, 'ledger@test');
    const cycles = createCycleActivities({
      prisma: sys.db.prisma,
      mailer,
      clock: systemClock,
      storage: createLocalDirectoryStorage('/tmp'),
      districtTime: loadConfig().districtTime,
      notices: loadConfig().notices,
      temporal: sys.client,
    });
    const cycle = { cycle: '2026-H2', districtId: seedId('DIST') };
    await cycles.openDistrictCycle({
      ...cycle,
      workflowId: 'cycle-test',
      opensAt: '2026-12-01T00:00:00Z',
      deadlineAt: '2026-12-25T16:00:00Z',
    });
    const reminder = {
      ...cycle,
      notice: { kind: 'reminder' as const, unitIds: [seedId('ST-EAST'), seedId('ST-WEST')], workingDaysLeft: 3 },
      idempotencyKey: 'cycle-test:reminder:3',
    };
    await cycles.sendCycleNotice(reminder);
    // The same notice again (a retried activity) is one event.
    await cycles.sendCycleNotice(reminder);
    mailer.close();
    await eventually(
      () => bodies(street),
      (b) => b.length === 1,
    );
    expect(JSON.parse(street.received[0]!.body)).toEqual({
      msgtype: 'text',
      text: {
        content:
          '【台账报送期限】2026-H2 台账还剩 3 个工作日（截止 2026-12-26）\nDistrict Organization Department\n未报送：East Street Office、West Street Office',
      },
    });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(street.received).toHaveLength(1);
    // A park that owes nothing hears nothing.
    expect(otherStreet.received).toEqual([]);
  });

  it('tells the street an activity waits for its confirmation, as JSON', async () => {
    const street = await robot(() => ({ status: 202 }));
    await register({ unitId: seedId('ST-EAST'), url: street.url, format: 'json', events: ['confirmation_waiting'] });
    const leader = await addLeader(sys, civil, {
      name: 'Zhang Min',
      post: 'Director',
      rank: 'principal',
      reportsToUnitId: seedId('ST-EAST'),
    });
    const today = new Date().toISOString().slice(0, 10);
    const recorded = await recordActivity(sys, civil, leader.id, {
      kind: 'research_visit',
      occurredOn: today,
      placeUnitId: seedId('ST-EAST'),
    });
    expect(recorded.status, JSON.stringify(recorded.body)).toBe(201);
    await eventually(
      () => street.received,
      (r) => r.length === 1,
    );
    expect(JSON.parse(street.received[0]!.body)).toMatchObject({
      id: recorded.body.id,
      type: 'confirmation_waiting',
      confirmation: {
        activityId: recorded.body.id,
        activityKind: 'research_visit',
        leader: { name: 'Zhang Min', unit: { code: 'DEPT-CIVIL' } },
        confirmingUnit: { code: 'ST-EAST' },
      },
    });
  });
});
