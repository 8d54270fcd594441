import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Popconfirm, Select, Table, Tag, Typography } from 'antd';
import { api, unwrap, type paths } from '../api/client.ts';
import { useAction, useFormSubmit, useIdempotencyKey } from '../forms.ts';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import { useOrgUnits } from '../directory/org-units.ts';
import { useDistrictTime } from '../time.ts';
import { ShownOnce } from '../components/ShownOnce.tsx';
import { useTablePages } from '../components/table-pages.ts';
import { TONE } from '../cases/StatusTag.tsx';

type NewKey = NonNullable<paths['/open311/keys']['post']['requestBody']>['content']['application/json'];
type ApiKey = paths['/open311/keys']['get']['responses'][200]['content']['application/json']['items'][number];

/** Open311 api_keys: issue one for a unit (the key is shown once), see them by their first characters, revoke. */
export default function ApiKeys() {
  const { t } = useI18n();
  const label = useLabel();
  const time = useDistrictTime();
  const queryClient = useQueryClient();
  const units = useOrgUnits();
  const [form] = Form.useForm<NewKey>();
  const [issued, setIssued] = useState<string>();
  const idempotencyKey = useIdempotencyKey();
  const pages = useTablePages((total) => t('open311.total', { total }));
  const keys = useQuery({
    queryKey: ['open311-keys', pages.query],
    queryFn: async () => unwrap(await api.GET('/open311/keys', { params: { query: pages.query } })),
  });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['open311-keys'] });
  const { submit, busy, failure } = useFormSubmit(form, async (body) => {
    const answer = unwrap(await api.POST('/open311/keys', { params: { header: { 'idempotency-key': idempotencyKey.key } }, body }));
    setIssued(answer.key);
    idempotencyKey.renew();
    form.resetFields();
    await refresh();
  });
  // A refusal usually means the key changed meanwhile: the list is refreshed either way.
  const revoke = useAction(async (key: ApiKey) => {
    try {
      unwrap(await api.POST('/open311/keys/{id}/revoke', { params: { path: { id: key.id } } }));
    } finally {
      await refresh();
    }
  });
  return (
    <section aria-labelledby="keys-title">
      <Typography.Title level={1} id="keys-title" style={{ fontSize: 22 }}>
        {t('open311.title')}
      </Typography.Title>
      <Card size="small" title={t('open311.newKey')} style={{ marginBottom: 16 }}>
        <Form<NewKey> form={form} name="new-key" layout="inline" onFinish={(body) => void submit(body)}>
          <Form.Item label={t('open311.unit')} name="unitId">
            <Select
              showSearch
              optionFilterProp="label"
              style={{ width: 240 }}
              options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
            />
          </Form.Item>
          <Form.Item label={t('open311.label')} name="label">
            <Input style={{ width: 220 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('open311.issue')}
          </Button>
        </Form>
        {failure && <Alert type="error" role="alert" title={failure} style={{ marginTop: 12 }} />}
      </Card>
      {revoke.failure && <Alert type="error" role="alert" title={revoke.failure} style={{ marginBottom: 12 }} />}
      <Table<ApiKey>
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        loading={keys.isPending}
        dataSource={keys.data?.items ?? []}
        pagination={pages.pagination(keys.data?.total)}
        locale={{ emptyText: t('open311.none') }}
        columns={[
          { title: t('open311.label'), dataIndex: 'label' },
          { title: t('open311.unit'), render: (_, k) => k.unit.name },
          { title: t('open311.keyPrefix'), render: (_, k) => <Typography.Text code>{k.keyPrefix}…</Typography.Text> },
          {
            title: t('open311.state'),
            render: (_, k) => <Tag color={k.state === 'active' ? TONE.good : TONE.neutral}>{label('apiKeyState', k.state)}</Tag>,
          },
          { title: t('open311.issuedAt'), render: (_, k) => time.dateTime(k.issuedAt) },
          { title: t('open311.revokedAt'), render: (_, k) => time.dateTime(k.revokedAt) },
          {
            title: t('open311.actions'),
            // The key's own table says when it can be revoked (allowedActions), not this screen.
            render: (_, k) =>
              k.allowedActions.includes('revoke') && (
                <Popconfirm title={t('open311.confirmRevoke', { label: k.label })} onConfirm={() => void revoke.run(k)}>
                  <Button size="small" danger>
                    {label('apiKeyStep', 'revoke')}
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
      <ShownOnce secret={issued} title={t('open311.keyTitle')} hint={t('open311.keyHint')} onClose={() => setIssued(undefined)} />
    </section>
  );
}
