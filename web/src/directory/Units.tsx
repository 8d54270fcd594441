import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Modal, Select, Space, Table } from 'antd';
import { api, unwrap, type OrgUnit, type paths } from '../api/client.ts';
import { UNIT_KINDS } from '../api/generated/vocabulary.ts';
import { showApiErrors, useFormSubmit, withoutEmpty } from '../forms.ts';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import { unitName, useOrgUnits } from './org-units.ts';

type NewUnit = NonNullable<paths['/org-units']['post']['requestBody']>['content']['application/json'];
type UnitChanges = { name: string; email?: string };

/** Organisation units: the tree, a form for a new unit, and an edit dialog per unit (name and e-mail). */
export function Units() {
  const { t } = useI18n();
  const label = useLabel();
  const units = useOrgUnits();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewUnit>();
  const [failure, setFailure] = useState<string>();
  const [editing, setEditing] = useState<OrgUnit>();
  const create = async (body: NewUnit) => {
    setFailure(undefined);
    try {
      unwrap(await api.POST('/org-units', { body }));
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: ['org-units'] });
    } catch (error) {
      setFailure(showApiErrors(form, error));
    }
  };
  return (
    <>
      <Card size="small" title={t('directory.newUnit')} style={{ marginBottom: 16 }}>
        {/* Its own name prefixes the inputs' ids: the users tab's form has an e-mail field too. */}
        <Form<NewUnit> form={form} name="new-unit" layout="inline" onFinish={(body) => void create(withoutEmpty(body))}>
          <Form.Item label={t('directory.code')} name="code">
            <Input style={{ width: 120 }} />
          </Form.Item>
          <Form.Item label={t('directory.name')} name="name">
            <Input />
          </Form.Item>
          <Form.Item label={t('directory.kind')} name="kind">
            <Select style={{ width: 160 }} options={UNIT_KINDS.map((k) => ({ value: k, label: label('unitKind', k) }))} />
          </Form.Item>
          <Form.Item label={t('directory.parent')} name="parentId">
            <Select allowClear style={{ width: 220 }} options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
          <Form.Item label={t('auth.email')} name="email">
            <Input type="email" style={{ width: 220 }} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('directory.create')}
          </Button>
        </Form>
        {failure && <Alert type="error" role="alert" title={failure} style={{ marginTop: 12 }} />}
      </Card>
      <Table
        rowKey="id"
        size="small"
        dataSource={units.data ?? []}
        pagination={false}
        columns={[
          { title: t('directory.code'), dataIndex: 'code' },
          { title: t('directory.name'), dataIndex: 'name' },
          { title: t('directory.kind'), dataIndex: 'kind', render: (k: string) => label('unitKind', k) },
          { title: t('directory.parent'), dataIndex: 'parentId', render: (id: string | null) => (id ? unitName(units.data, id) : '—') },
          { title: t('auth.email'), dataIndex: 'email', render: (email: string | null) => email ?? '—' },
          {
            title: t('directory.actions'),
            key: 'edit',
            render: (_, unit) => (
              <Button size="small" onClick={() => setEditing(unit)} aria-label={t('directory.editUnit', { name: unit.name })}>
                {t('directory.edit')}
              </Button>
            ),
          },
        ]}
      />
      {editing && <EditUnit unit={editing} onClose={() => setEditing(undefined)} />}
    </>
  );
}

/** The name and e-mail of one unit; an emptied e-mail field removes the address. */
function EditUnit({ unit, onClose }: { unit: OrgUnit; onClose(): void }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<UnitChanges>();
  const { submit, busy, failure } = useFormSubmit(form, async (values) => {
    const body = { name: values.name, email: values.email?.trim() ? values.email.trim() : null };
    unwrap(await api.PATCH('/org-units/{id}', { params: { path: { id: unit.id } }, body }));
    await queryClient.invalidateQueries({ queryKey: ['org-units'] });
    onClose();
  });
  return (
    <Modal open title={t('directory.editUnit', { name: unit.name })} onCancel={onClose} footer={null} destroyOnHidden>
      {/* Its own name prefixes the inputs' ids: the new-unit form has fields of the same names. */}
      <Form<UnitChanges>
        form={form}
        name="edit-unit"
        layout="vertical"
        initialValues={{ name: unit.name, email: unit.email ?? '' }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item label={t('directory.name')} name="name">
          <Input />
        </Form.Item>
        <Form.Item label={t('auth.email')} name="email">
          <Input type="email" />
        </Form.Item>
        {failure && <Alert type="error" role="alert" title={failure} style={{ marginBottom: 12 }} />}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('directory.save')}
          </Button>
          <Button onClick={onClose}>{t('step.cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
