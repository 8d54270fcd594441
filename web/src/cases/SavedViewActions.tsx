import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Checkbox, Form, Input, Modal, Popconfirm, Space, Typography } from 'antd';
import { useSearchParams } from 'react-router';
import { api, unwrap } from '../api/client.ts';
import { useFormSubmit, useIdempotencyKey } from '../forms.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { filtersToParams, paramsToFilters } from './case-filters.ts';

/** The saved view the list shows (`?view=`), as the API lists it for the user, if any. */
export function useCurrentView() {
  const [params] = useSearchParams();
  const viewId = params.get('view');
  const views = useQuery({
    queryKey: ['views'],
    enabled: Boolean(viewId),
    queryFn: async () => unwrap(await api.GET('/views')).items,
  });
  return viewId ? views.data?.find((v) => v.id === viewId) : undefined;
}

/** Save the list's filters and sort as a named view (own or shared with the unit); delete the view shown, if it is the user's. */
export function SavedViewActions() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const current = useCurrentView();
  const [saving, setSaving] = useState(false);

  const remove = async () => {
    if (!current) return;
    unwrap(await api.DELETE('/views/{id}', { params: { path: { id: current.id } } }));
    const next = new URLSearchParams(params);
    next.delete('view');
    setParams(next, { replace: true });
    await queryClient.invalidateQueries({ queryKey: ['views'] });
    await queryClient.invalidateQueries({ queryKey: ['worklists'] });
  };

  return (
    <Space wrap>
      {current && !current.editable && (
        <Typography.Text type="secondary">{t('view.sharedBy', { name: current.owner.name })}</Typography.Text>
      )}
      {current?.editable && (
        <Popconfirm title={t('view.deleteConfirm', { name: current.name })} onConfirm={() => void remove()}>
          <Button danger>{t('view.delete')}</Button>
        </Popconfirm>
      )}
      <Button onClick={() => setSaving(true)}>{t('view.save')}</Button>
      {saving && <SaveViewModal onClose={() => setSaving(false)} />}
    </Space>
  );
}

function SaveViewModal({ onClose }: { onClose(): void }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ name: string; shared: boolean }>();
  // One key per dialog: a retry of the same save (a lost answer) gives the same view.
  const { key: idempotencyKey } = useIdempotencyKey();
  const { submit, busy, failure } = useFormSubmit(form, async (values) => {
    const filters = paramsToFilters(params);
    const view = unwrap(
      await api.POST('/views', {
        params: { header: { 'idempotency-key': idempotencyKey } },
        body: { name: values.name, shared: values.shared, filters },
      }),
    );
    await queryClient.invalidateQueries({ queryKey: ['views'] });
    await queryClient.invalidateQueries({ queryKey: ['worklists'] });
    setParams(filtersToParams(view.filters, view.id), { replace: true });
    onClose();
  });
  return (
    <Modal open title={t('view.save')} onCancel={onClose} footer={null} destroyOnHidden>
      <Form form={form} layout="vertical" initialValues={{ shared: false }} onFinish={(values) => void submit(values)}>
        <Form.Item label={t('view.name')} name="name">
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item name="shared" valuePropName="checked">
          <Checkbox>{t('view.shared')}</Checkbox>
        </Form.Item>
        {failure && <Alert type="error" role="alert" title={failure} style={{ marginBottom: 12 }} />}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('step.confirm')}
          </Button>
          <Button onClick={onClose}>{t('step.cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
