import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Form, Input, Select, Table, Tabs, Tag, Typography } from 'antd';
import { api, unwrap, type paths } from '../api/client.ts';
import { showApiErrors } from '../forms.ts';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import { codesOf } from '../i18n/words.ts';
import { unitName, useOrgUnits } from './org-units.ts';
import { TONE } from '../cases/StatusTag.tsx';
import { Units } from './Units.tsx';
import { UserActions, type UserStepDone } from './UserActions.tsx';

type NewUser = NonNullable<paths['/admin/users']['post']['requestBody']>['content']['application/json'];

/** Users (create, edit, reset password, deactivate, enable again) and organisation units (create, edit). */
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

  const run = async (action: () => Promise<UserStepDone>) => {
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
            <Select style={{ width: 150 }} options={codesOf('role').map((r) => ({ value: r, label: label('role', r) }))} />
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
            render: (_, u) => <UserActions user={u} run={run} />,
          },
        ]}
      />
    </>
  );
}
