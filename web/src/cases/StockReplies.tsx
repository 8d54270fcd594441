import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Popconfirm, Select, Space, Table, Typography } from 'antd';
import { api, unwrap, type paths } from '../api/client.ts';
import { DialogFormFooter } from '../components/DialogFormFooter.tsx';
import { useFormSubmit, useIdempotencyKey, withoutEmpty } from '../forms.ts';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import type { StockReplyStep } from './StockReplyPicker.tsx';

type StockReply = NonNullable<paths['/stock-replies']['get']['responses'][200]['content']['application/json']>['items'][number];
type ReplyFields = { name: string; step: StockReplyStep; category?: string; textZh: string; textEn: string };

/** The steps a reply may be kept for, in the order of the step dialogs. */
const STEPS = [
  'return',
  'solve',
  'forward',
  'reject',
  'resolve',
  'declareUnsolvable',
  'note',
  'feedback',
  'resubmit',
] as const satisfies readonly StockReplyStep[];

/**
 * The stock replies an admin or a district officer keeps: by step, with the texts in both languages;
 * what the API marks editable may be changed or deleted here.
 */
export default function StockReplies() {
  const { t } = useI18n();
  const label = useLabel();
  const queryClient = useQueryClient();
  const [editing, setEditing] = useState<StockReply | 'new'>();
  const replies = useQuery({ queryKey: ['stock-replies'], queryFn: async () => unwrap(await api.GET('/stock-replies')).items });
  const remove = async (id: string) => {
    unwrap(await api.DELETE('/stock-replies/{id}', { params: { path: { id } } }));
    await queryClient.invalidateQueries({ queryKey: ['stock-replies'] });
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3}>{t('nav.stockReplies')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('stockReply.placeholdersHelp')}</Typography.Paragraph>
      <Button type="primary" onClick={() => setEditing('new')}>
        {t('stockReply.new')}
      </Button>
      <Table<StockReply>
        rowKey="id"
        size="small"
        loading={replies.isPending}
        dataSource={replies.data ?? []}
        pagination={false}
        columns={[
          { title: t('stockReply.name'), dataIndex: 'name' },
          { title: t('stockReply.step'), dataIndex: 'step', render: (step: string) => label('step', step) },
          { title: t('case.category'), dataIndex: 'category', render: (c: string | null) => c ?? t('stockReply.anyCategory') },
          {
            title: t('stockReply.scope'),
            dataIndex: 'districtId',
            render: (id: string | null) => (id ? t('stockReply.oneDistrict') : t('stockReply.everyDistrict')),
          },
          { title: t('stockReply.textZh'), dataIndex: 'textZh' },
          { title: t('stockReply.textEn'), dataIndex: 'textEn' },
          {
            title: t('directory.actions'),
            key: 'actions',
            render: (_, reply) =>
              reply.editable && (
                <Space>
                  <Button size="small" onClick={() => setEditing(reply)} aria-label={t('stockReply.edit', { name: reply.name })}>
                    {t('directory.edit')}
                  </Button>
                  <Popconfirm title={t('stockReply.deleteConfirm', { name: reply.name })} onConfirm={() => void remove(reply.id)}>
                    <Button size="small" danger aria-label={t('stockReply.delete', { name: reply.name })}>
                      {t('view.delete')}
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
      {editing && <ReplyDialog reply={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} />}
    </Space>
  );
}

function ReplyDialog({ reply, onClose }: { reply?: StockReply; onClose(): void }) {
  const { t } = useI18n();
  const label = useLabel();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ReplyFields>();
  // One key per dialog: a retry of the same save (a lost answer) keeps one reply.
  const { key: idempotencyKey } = useIdempotencyKey();
  const { submit, busy, failure } = useFormSubmit(form, async (values: ReplyFields) => {
    const body = { ...withoutEmpty(values), category: values.category?.trim() ? values.category : null };
    if (reply) unwrap(await api.PATCH('/stock-replies/{id}', { params: { path: { id: reply.id } }, body }));
    else unwrap(await api.POST('/stock-replies', { params: { header: { 'idempotency-key': idempotencyKey } }, body }));
    await queryClient.invalidateQueries({ queryKey: ['stock-replies'] });
    onClose();
  });
  const initial = reply
    ? { name: reply.name, step: reply.step, category: reply.category ?? undefined, textZh: reply.textZh, textEn: reply.textEn }
    : { step: 'return' as const };
  return (
    <Modal open title={reply ? reply.name : t('stockReply.new')} onCancel={onClose} footer={null} destroyOnHidden width={640}>
      <Form form={form} layout="vertical" initialValues={initial} onFinish={(values) => void submit(values)}>
        <Form.Item label={t('stockReply.name')} name="name">
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item label={t('stockReply.step')} name="step">
          <Select options={STEPS.map((step) => ({ value: step, label: label('step', step) }))} />
        </Form.Item>
        <Form.Item label={t('case.category')} name="category" extra={t('stockReply.categoryHelp')}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item label={t('stockReply.textZh')} name="textZh">
          <Input.TextArea rows={3} />
        </Form.Item>
        <Form.Item label={t('stockReply.textEn')} name="textEn">
          <Input.TextArea rows={3} />
        </Form.Item>
        <DialogFormFooter failure={failure} busy={busy} onCancel={onClose} />
      </Form>
    </Modal>
  );
}
