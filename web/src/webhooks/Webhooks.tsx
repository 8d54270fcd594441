import { useState } from 'react';
import { useInfiniteQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Checkbox, Drawer, Form, Input, Segmented, Select, Space, Table, Tag, Typography } from 'antd';
import { api, unwrap, type paths } from '../api/client.ts';
import { useAction, useFormSubmit, useIdempotencyKey } from '../forms.ts';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import { codesOf } from '../i18n/words.ts';
import { useOrgUnits } from '../directory/org-units.ts';
import { useDistrictTime } from '../time.ts';
import { REFRESH_MS } from '../cases/refresh.ts';
import { ShownOnce } from '../components/ShownOnce.tsx';
import { useTablePages } from '../components/table-pages.ts';
import { TONE } from '../cases/StatusTag.tsx';

type NewWebhook = NonNullable<paths['/webhooks']['post']['requestBody']>['content']['application/json'];
type Webhook = paths['/webhooks']['get']['responses'][200]['content']['application/json']['items'][number];
type Delivery = paths['/webhooks/{id}/deliveries']['get']['responses'][200]['content']['application/json']['items'][number];
type DeliveryState = Delivery['state'];

const FORMATS = codesOf('webhookFormat');
const EVENTS = codesOf('webhookEvent');
const STATE_COLORS: Record<DeliveryState, string> = { pending: TONE.info, delivered: TONE.good, failed: TONE.bad };

/** The administrators' webhooks: register one, see each one's deliveries, disable, enable, send again. */
export default function Webhooks() {
  const { t, language } = useI18n();
  const label = useLabel();
  const queryClient = useQueryClient();
  const units = useOrgUnits();
  const [form] = Form.useForm<NewWebhook>();
  const format = Form.useWatch('format', form);
  const [secret, setSecret] = useState<string>();
  const [open, setOpen] = useState<Webhook>();
  const idempotencyKey = useIdempotencyKey();
  const pages = useTablePages((total) => t('webhooks.total', { total }));
  const webhooks = useQuery({
    queryKey: ['webhooks', pages.query],
    queryFn: async () => unwrap(await api.GET('/webhooks', { params: { query: pages.query } })),
    refetchInterval: REFRESH_MS,
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['webhooks'] });
  const { submit, busy, failure } = useFormSubmit(form, async (body) => {
    const created = unwrap(await api.POST('/webhooks', { params: { header: { 'idempotency-key': idempotencyKey.key } }, body }));
    idempotencyKey.renew();
    form.resetFields();
    setSecret(created.secret);
    await refresh();
  });
  // A refusal usually means the webhook changed meanwhile: the list is refreshed either way.
  const act = useAction(async (webhook: Webhook, action: 'disable' | 'enable') => {
    const path = { params: { path: { id: webhook.id } } };
    try {
      unwrap(action === 'disable' ? await api.POST('/webhooks/{id}/disable', path) : await api.POST('/webhooks/{id}/enable', path));
    } finally {
      await refresh();
    }
  });
  return (
    <section aria-labelledby="webhooks-title">
      <Typography.Title level={1} id="webhooks-title" style={{ fontSize: 22 }}>
        {t('webhooks.title')}
      </Typography.Title>
      <Card size="small" title={t('webhooks.new')} style={{ marginBottom: 16 }}>
        <Form<NewWebhook> form={form} name="new-webhook" layout="vertical" onFinish={(body) => void submit(body)}>
          <Space wrap align="start">
            <Form.Item label={t('webhooks.unit')} name="unitId">
              <Select
                showSearch
                optionFilterProp="label"
                style={{ width: 240 }}
                options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
              />
            </Form.Item>
            <Form.Item label={t('webhooks.label')} name="label">
              <Input style={{ width: 200 }} />
            </Form.Item>
            <Form.Item label={t('webhooks.format')} name="format">
              <Select style={{ width: 260 }} options={FORMATS.map((f) => ({ value: f, label: label('webhookFormat', f) }))} />
            </Form.Item>
          </Space>
          <Form.Item label={t('webhooks.url')} name="url">
            <Input />
          </Form.Item>
          <Form.Item label={t('webhooks.events')} name="events">
            <Checkbox.Group options={EVENTS.map((e) => ({ value: e, label: label('webhookEvent', e) }))} />
          </Form.Item>
          {format?.startsWith('dingtalk') && (
            <Form.Item label={t('webhooks.secret')} name="secret">
              <Input.Password autoComplete="off" />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('webhooks.register')}
          </Button>
        </Form>
        {failure && <Alert type="error" role="alert" title={failure} style={{ marginTop: 12 }} />}
      </Card>
      {act.failure && <Alert type="error" role="alert" title={act.failure} style={{ marginBottom: 12 }} />}
      <Table<Webhook>
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        loading={webhooks.isPending}
        dataSource={webhooks.data?.items ?? []}
        pagination={pages.pagination(webhooks.data?.total)}
        locale={{ emptyText: t('webhooks.none') }}
        columns={[
          { title: t('webhooks.label'), dataIndex: 'label' },
          { title: t('webhooks.unit'), render: (_, w) => w.unit.name },
          { title: t('webhooks.format'), render: (_, w) => label('webhookFormat', w.format) },
          {
            title: t('webhooks.events'),
            render: (_, w) => w.events.map((e) => label('webhookEvent', e)).join(language === 'zh' ? '、' : ', '),
          },
          { title: t('webhooks.url'), render: (_, w) => <Typography.Text code>{w.url}</Typography.Text> },
          {
            title: t('webhooks.state'),
            render: (_, w) => <Tag color={w.state === 'active' ? TONE.good : TONE.neutral}>{label('webhookState', w.state)}</Tag>,
          },
          { title: t('webhooks.counts'), render: (_, w) => `${w.deliveries.pending} / ${w.deliveries.delivered} / ${w.deliveries.failed}` },
          {
            title: t('webhooks.actions'),
            render: (_, w) => (
              <Space wrap>
                <Button size="small" onClick={() => setOpen(w)}>
                  {t('webhooks.deliveries')}
                </Button>
                {w.allowedActions
                  .filter((a): a is 'disable' | 'enable' => a !== 'register')
                  .map((action) => (
                    <Button key={action} size="small" onClick={() => void act.run(w, action)}>
                      {label('webhookStep', action)}
                    </Button>
                  ))}
              </Space>
            ),
          },
        ]}
      />
      <ShownOnce secret={secret} title={t('webhooks.secretTitle')} hint={t('webhooks.secretHint')} onClose={() => setSecret(undefined)} />
      {open && <Deliveries webhook={open} onClose={() => setOpen(undefined)} />}
    </section>
  );
}

/** One webhook's deliveries, newest first, with each one's attempts and last error, and "send again". */
function Deliveries({ webhook, onClose }: { webhook: Webhook; onClose(): void }) {
  const { t } = useI18n();
  const label = useLabel();
  const time = useDistrictTime();
  const queryClient = useQueryClient();
  const [state, setState] = useState<DeliveryState | 'all'>('all');
  const pages = useInfiniteQuery({
    queryKey: ['webhook-deliveries', webhook.id, state],
    initialPageParam: undefined as string | undefined,
    queryFn: async ({ pageParam }) =>
      unwrap(
        await api.GET('/webhooks/{id}/deliveries', {
          params: {
            path: { id: webhook.id },
            query: { limit: 20, ...(state === 'all' ? {} : { state }), ...(pageParam ? { cursor: pageParam } : {}) },
          },
        }),
      ),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    refetchInterval: REFRESH_MS,
  });
  const resend = useAction(async (delivery: Delivery) => {
    try {
      unwrap(
        await api.POST('/webhooks/{id}/deliveries/{deliveryId}/resend', {
          params: { path: { id: webhook.id, deliveryId: delivery.id } },
        }),
      );
    } finally {
      await queryClient.invalidateQueries({ queryKey: ['webhook-deliveries', webhook.id] });
      await queryClient.invalidateQueries({ queryKey: ['webhooks'] });
    }
  });
  // What the event is about, read from the event as delivered (the JSON format's body; see model/webhooks/events.ts).
  const subject = (d: Delivery) => {
    const event = (d.event ?? {}) as {
      case?: { number: number; title: string };
      cycle?: { cycle: string };
      confirmation?: { leader: { name: string } };
    };
    if (event.case) return t('webhooks.caseSubject', { number: event.case.number, title: event.case.title });
    if (event.cycle) return time.halfYear(event.cycle.cycle);
    return event.confirmation?.leader.name ?? '—';
  };
  const states = codesOf('deliveryState');
  return (
    <Drawer open size={960} title={t('webhooks.deliveriesOf', { label: webhook.label })} onClose={onClose} destroyOnHidden>
      <Segmented<DeliveryState | 'all'>
        value={state}
        onChange={setState}
        options={[{ value: 'all', label: t('webhooks.allStates') }, ...states.map((s) => ({ value: s, label: label('deliveryState', s) }))]}
        style={{ marginBottom: 12 }}
      />
      {resend.failure && <Alert type="error" role="alert" title={resend.failure} style={{ marginBottom: 12 }} />}
      <Table<Delivery>
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        loading={pages.isPending}
        pagination={false}
        dataSource={pages.data?.pages.flatMap((p) => p.items) ?? []}
        columns={[
          { title: t('webhooks.occurredAt'), render: (_, d) => time.dateTime(d.occurredAt) },
          { title: t('webhooks.event'), render: (_, d) => label('webhookEvent', d.eventType) },
          { title: t('webhooks.subject'), render: (_, d) => subject(d) },
          {
            title: t('webhooks.state'),
            render: (_, d) => <Tag color={STATE_COLORS[d.state]}>{label('deliveryState', d.state)}</Tag>,
          },
          { title: t('webhooks.attempts'), dataIndex: 'attempts' },
          { title: t('webhooks.lastError'), render: (_, d) => d.lastError ?? '—' },
          {
            title: t('webhooks.actions'),
            render: (_, d) =>
              d.allowedActions.map((action) => (
                <Button key={action} size="small" onClick={() => void resend.run(d)}>
                  {label('deliveryStep', action)}
                </Button>
              )),
          },
        ]}
      />
      {pages.hasNextPage && (
        <Button style={{ marginTop: 12 }} onClick={() => void pages.fetchNextPage()} loading={pages.isFetchingNextPage}>
          {t('webhooks.more')}
        </Button>
      )}
    </Drawer>
  );
}
