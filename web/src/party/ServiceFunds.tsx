import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Card, Form, Input, InputNumber, Modal, Table, Typography } from 'antd';
import { api, unwrap } from '../api/client.ts';
import { useFormSubmit, useIdempotencyKey, withoutEmpty } from '../forms.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useDistrictTime } from '../time.ts';
import { DateField } from '../components/DateField.tsx';
import { DialogFormFooter } from '../components/DialogFormFooter.tsx';
import { PARTY_REFRESH_MS, type Funding, type NewFunding } from './party-api.ts';

/**
 * The community party organization's service funds a public-service project received: every grant with
 * its amount and approval, and the total. Recording one is offered when the API lists it as allowed.
 */
export function ServiceFunds({ caseId }: { caseId: string }) {
  const { t } = useI18n();
  const time = useDistrictTime();
  const [recording, setRecording] = useState(false);
  const funds = useQuery({
    queryKey: ['party', 'funds', caseId],
    queryFn: async () => unwrap(await api.GET('/cases/{id}/funds', { params: { path: { id: caseId } } })),
    refetchInterval: PARTY_REFRESH_MS,
  });
  const money = (amount: number) => t('party.funds.money', { amount: amount.toFixed(2) });
  return (
    <Card
      title={t('party.funds.title')}
      size="small"
      style={{ marginTop: 16 }}
      extra={
        funds.data?.allowedActions.includes('record') && (
          <Button size="small" type="primary" onClick={() => setRecording(true)}>
            {t('party.funds.record')}
          </Button>
        )
      }
    >
      <Table<Funding['items'][number]>
        rowKey="id"
        size="small"
        scroll={{ x: 'max-content' }}
        pagination={false}
        loading={funds.isPending}
        dataSource={funds.data?.items ?? []}
        locale={{ emptyText: t('party.funds.none') }}
        columns={[
          { title: t('party.funds.amount'), render: (_, f) => money(f.amount) },
          { title: t('party.funds.purpose'), dataIndex: 'purpose' },
          { title: t('party.funds.approvedBy'), dataIndex: 'approvedBy' },
          { title: t('party.funds.approvedOn'), dataIndex: 'approvedOn' },
          { title: t('party.funds.recordedAt'), render: (_, f) => time.dateTime(f.recordedAt) },
        ]}
      />
      {funds.data && (
        <Typography.Paragraph strong style={{ marginTop: 8, marginBottom: 0 }}>
          {t('party.funds.total', { total: money(funds.data.totalAmount) })}
        </Typography.Paragraph>
      )}
      {recording && <RecordFunding caseId={caseId} onClose={() => setRecording(false)} />}
    </Card>
  );
}

/** One grant from the service funds, with who approved it and when. */
function RecordFunding({ caseId, onClose }: { caseId: string; onClose(): void }) {
  const { t } = useI18n();
  const [form] = Form.useForm<NewFunding>();
  const queryClient = useQueryClient();
  // One key per grant: a retry after a lost answer records it once.
  const { key: idempotencyKey } = useIdempotencyKey();
  const { submit, busy, failure } = useFormSubmit(form, async (values) => {
    unwrap(
      await api.POST('/cases/{id}/funds', {
        params: { path: { id: caseId }, header: { 'idempotency-key': idempotencyKey } },
        body: withoutEmpty(values),
      }),
    );
    await queryClient.invalidateQueries({ queryKey: ['party', 'funds', caseId] });
    onClose();
  });
  return (
    <Modal open title={t('party.funds.record')} onCancel={onClose} footer={null} destroyOnHidden>
      <Form<NewFunding> form={form} name="record-funding" layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item label={t('party.funds.amount')} name="amount">
          <InputNumber min={0} step={100} precision={2} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('party.funds.purpose')} name="purpose">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item label={t('party.funds.approvedBy')} name="approvedBy">
          <Input />
        </Form.Item>
        <Form.Item label={t('party.funds.approvedOn')} name="approvedOn">
          <DateField />
        </Form.Item>
        <DialogFormFooter failure={failure} busy={busy} onCancel={onClose} />
      </Form>
    </Modal>
  );
}
