import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Popconfirm, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { api, unwrap, type OrgUnit, type paths, type Role } from '../../api/client.ts';
import { showApiErrors } from '../../forms.ts';
import { useI18n, useLabel } from '../../i18n/i18n.tsx';
import { unitName, useOrgUnits } from '../../org-units.ts';
import { TONE } from '../../components/StatusTag.tsx';

type NewUser = NonNullable<paths['/admin/users']['post']['requestBody']>['content']['application/json'];
type NewUnit = NonNullable<paths['/org-units']['post']['requestBody']>['content']['application/json'];
const ROLES: Role[] = ['street_staff', 'district_officer', 'municipal_liaison', 'admin'];
const UNIT_KINDS: OrgUnit['kind'][] = ['municipality', 'district', 'street', 'park', 'district_department', 'garrison_unit'];

/** Users (create, deactivate, reset password) and organisation units (create). */
export default function Directory() {
  const { t } = useI18n();
  return (
    <section aria-labelledby="directory-title">
      <Typography.Title level={1} id="directory-title" style={{ fontSize: 22 }}>
        {t('nav.directory')}
      </Typography.Title>
      <Tabs
        items={[
          { key: 'users', label: t('directory.users'), children: <Users /> },
          { key: 'units', label: t('directory.units'), children: <Units /> },
        ]}
      />
    </section>
  );
}

function Users() {
  const { t } = useI18n();
  const label = useLabel();
  const units = useOrgUnits();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewUser>();
  const [notice, setNotice] = useState<{ type: 'success' | 'error'; text: string }>();
  const users = useQuery({ queryKey: ['users'], queryFn: async () => unwrap(await api.GET('/admin/users')).items });
  const refresh = () => queryClient.invalidateQueries({ queryKey: ['users'] });

  const run = async (action: () => Promise<{ temporaryPassword?: string; email: string }>) => {
    try {
      const done = await action();
      setNotice({
        type: 'success',
        text: done.temporaryPassword
          ? t('directory.password', { email: done.email, password: done.temporaryPassword })
          : t('directory.done'),
      });
      await refresh();
    } catch (error) {
      setNotice({ type: 'error', text: showApiErrors(form, error) ?? t('directory.checkFields') });
    }
  };

  return (
    <>
      <Card size="small" title={t('directory.newUser')} style={{ marginBottom: 16 }}>
        <Form<NewUser>
          form={form}
          layout="inline"
          onFinish={(body) =>
            void run(async () => {
              const created = unwrap(await api.POST('/admin/users', { body }));
              form.resetFields();
              return { temporaryPassword: created.temporaryPassword, email: created.user.email };
            })
          }
        >
          <Form.Item label={t('auth.email')} name="email">
            <Input type="email" />
          </Form.Item>
          <Form.Item label={t('directory.name')} name="displayName">
            <Input />
          </Form.Item>
          <Form.Item label={t('directory.role')} name="role">
            <Select style={{ width: 150 }} options={ROLES.map((r) => ({ value: r, label: label('role', r) }))} />
          </Form.Item>
          <Form.Item label={t('list.unit')} name="orgUnitId">
            <Select style={{ width: 220 }} options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))} />
          </Form.Item>
          <Button type="primary" htmlType="submit">
            {t('directory.create')}
          </Button>
        </Form>
      </Card>
      {notice && <Alert type={notice.type} title={notice.text} role="status" style={{ marginBottom: 16 }} closable />}
      <Table
        rowKey="id"
        size="small"
        scroll={{ x: 800 }}
        loading={users.isPending}
        dataSource={users.data ?? []}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('auth.email'), dataIndex: 'email' },
          { title: t('directory.name'), dataIndex: 'displayName' },
          { title: t('directory.role'), dataIndex: 'role', render: (r: string) => label('role', r) },
          { title: t('list.unit'), dataIndex: 'orgUnitId', render: (id: string) => unitName(units.data, id) },
          {
            title: t('directory.state'),
            dataIndex: 'active',
            render: (active: boolean) =>
              active ? <Tag color={TONE.good}>{t('directory.active')}</Tag> : <Tag>{t('directory.inactive')}</Tag>,
          },
          {
            title: t('directory.actions'),
            render: (_, u) => (
              <Space wrap>
                <Popconfirm
                  title={t('directory.confirmReset', { email: u.email })}
                  onConfirm={() =>
                    void run(async () => {
                      const reset = unwrap(await api.POST('/admin/users/{id}/password', { params: { path: { id: u.id } } }));
                      return { temporaryPassword: reset.temporaryPassword, email: u.email };
                    })
                  }
                >
                  <Button size="small">{t('directory.reset')}</Button>
                </Popconfirm>
                {u.active && (
                  <Popconfirm
                    title={t('directory.confirmDeactivate', { email: u.email })}
                    onConfirm={() =>
                      void run(async () => {
                        unwrap(await api.POST('/admin/users/{id}/deactivate', { params: { path: { id: u.id } } }));
                        return { email: u.email };
                      })
                    }
                  >
                    <Button size="small" danger>
                      {t('directory.deactivate')}
                    </Button>
                  </Popconfirm>
                )}
              </Space>
            ),
          },
        ]}
      />
    </>
  );
}

function Units() {
  const { t } = useI18n();
  const label = useLabel();
  const units = useOrgUnits();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewUnit>();
  const [failure, setFailure] = useState<string>();
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
        <Form<NewUnit> form={form} layout="inline" onFinish={(body) => void create(body)}>
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
        ]}
      />
    </>
  );
}
