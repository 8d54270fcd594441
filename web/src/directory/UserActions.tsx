import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Form, Input, Modal, Popconfirm, Select, Space } from 'antd';
import { api, unwrap, type paths } from '../api/client.ts';
import { DialogFormFooter } from '../components/DialogFormFooter.tsx';
import { useFormSubmit } from '../forms.ts';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import { codesOf } from '../i18n/words.ts';
import { useOrgUnits } from './org-units.ts';

type User = paths['/admin/users']['get']['responses'][200]['content']['application/json']['items'][number];
type UserChanges = NonNullable<paths['/admin/users/{id}']['patch']['requestBody']>['content']['application/json'];
/** What a step did, for the notice above the table: a one-time password to hand over, or just done. */
export type UserStepDone = { temporaryPassword?: string; email: string };

/**
 * One account's buttons, exactly the steps the API lists in its `allowedActions` (the account's
 * transition table decides: re-enable only a deactivated one, reset only an active one).
 */
export function UserActions({ user, run }: { user: User; run(action: () => Promise<UserStepDone>): Promise<void> }) {
  const { t } = useI18n();
  const label = useLabel();
  const [editing, setEditing] = useState(false);
  const path = { params: { path: { id: user.id } } };
  const confirmed = (name: string, confirm: string, action: () => Promise<UserStepDone>, danger = false) => (
    <Popconfirm key={name} title={confirm} onConfirm={() => void run(action)}>
      <Button size="small" danger={danger}>
        {label('userAction', name)}
      </Button>
    </Popconfirm>
  );
  const buttons = {
    edit: (
      <Button key="edit" size="small" onClick={() => setEditing(true)} aria-label={t('directory.editUser', { email: user.email })}>
        {label('userAction', 'edit')}
      </Button>
    ),
    resetPassword: confirmed('resetPassword', t('directory.confirmReset', { email: user.email }), async () => {
      const reset = unwrap(await api.POST('/admin/users/{id}/password', path));
      return { temporaryPassword: reset.temporaryPassword, email: user.email };
    }),
    deactivate: confirmed(
      'deactivate',
      t('directory.confirmDeactivate', { email: user.email }),
      async () => {
        unwrap(await api.POST('/admin/users/{id}/deactivate', path));
        return { email: user.email };
      },
      true,
    ),
    reactivate: confirmed('reactivate', t('directory.confirmReactivate', { email: user.email }), async () => {
      unwrap(await api.POST('/admin/users/{id}/reactivate', path));
      return { email: user.email };
    }),
  } as const;
  return (
    <Space wrap>
      {user.allowedActions.map((action) => (action in buttons ? buttons[action as keyof typeof buttons] : null))}
      {editing && <EditUser user={user} onClose={() => setEditing(false)} />}
    </Space>
  );
}

/** The name, role and unit of one account; the API says which unit kinds a role works in. */
function EditUser({ user, onClose }: { user: User; onClose(): void }) {
  const { t } = useI18n();
  const label = useLabel();
  const units = useOrgUnits();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<UserChanges>();
  const { submit, busy, failure } = useFormSubmit(form, async (body) => {
    unwrap(await api.PATCH('/admin/users/{id}', { params: { path: { id: user.id } }, body }));
    await queryClient.invalidateQueries({ queryKey: ['users'] });
    onClose();
  });
  return (
    <Modal open title={t('directory.editUser', { email: user.email })} onCancel={onClose} footer={null} destroyOnHidden>
      {/* Its own name prefixes the inputs' ids: the new-user form has fields of the same names. */}
      <Form<UserChanges>
        form={form}
        name="edit-user"
        layout="vertical"
        initialValues={{ displayName: user.displayName, role: user.role, orgUnitId: user.orgUnitId }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item label={t('directory.name')} name="displayName">
          <Input />
        </Form.Item>
        <Form.Item label={t('directory.role')} name="role">
          <Select options={codesOf('role').map((r) => ({ value: r, label: label('role', r) }))} />
        </Form.Item>
        <Form.Item label={t('list.unit')} name="orgUnitId">
          <Select showSearch optionFilterProp="label" options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
        <DialogFormFooter failure={failure} busy={busy} onCancel={onClose} />
      </Form>
    </Modal>
  );
}
