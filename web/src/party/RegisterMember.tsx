import { useQueryClient } from '@tanstack/react-query';
import { Form, Input, Modal, Select } from 'antd';
import { api, unwrap } from '../api/client.ts';
import { useOrgUnits } from '../directory/org-units.ts';
import { useFormSubmit, withoutEmpty } from '../forms.ts';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import { CommunitySelect } from './CommunitySelect.tsx';
import { DateField } from '../components/DateField.tsx';
import { DialogFormFooter } from '../components/DialogFormFooter.tsx';
import { useBranches, type NewMember } from './party-api.ts';

/**
 * Registers a member with a community. A street's clerk registering with its own community registers
 * at once; a home unit's clerk registering elsewhere leaves it for that street to accept (the API decides).
 * A branch is offered from the caller's own unit, the only branches a clerk may name.
 */
export function RegisterMember({ ownUnitId, onClose }: { ownUnitId: string; onClose(): void }) {
  const { t } = useI18n();
  const label = useLabel();
  const units = useOrgUnits();
  const [form] = Form.useForm<NewMember>();
  const homeUnitId = Form.useWatch('homeUnitId', form);
  const branches = useBranches(homeUnitId === ownUnitId ? ownUnitId : undefined);
  const queryClient = useQueryClient();
  const { submit, busy, failure } = useFormSubmit(form, async (values) => {
    unwrap(await api.POST('/party/members', { body: withoutEmpty(values) }));
    await queryClient.invalidateQueries({ queryKey: ['party'] });
    onClose();
  });
  return (
    <Modal open title={label('registrationStep', 'register')} onCancel={onClose} footer={null} destroyOnHidden>
      <Form<NewMember>
        form={form}
        name="register-member"
        layout="vertical"
        initialValues={{ homeUnitId: ownUnitId }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item label={t('party.member.number')} name="memberNumber">
          <Input />
        </Form.Item>
        <Form.Item label={t('party.member.name')} name="name">
          <Input />
        </Form.Item>
        <Form.Item label={t('party.member.homeUnit')} name="homeUnitId">
          <Select showSearch optionFilterProp="label" options={(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
        {homeUnitId === ownUnitId && (
          <Form.Item label={t('party.member.branch')} name="branchId">
            <Select allowClear options={(branches.data ?? []).map((b) => ({ value: b.id, label: b.name }))} />
          </Form.Item>
        )}
        <Form.Item label={t('party.member.community')} name="communityId">
          <CommunitySelect />
        </Form.Item>
        <Form.Item label={t('party.member.registeredOn')} name="registeredOn">
          <DateField />
        </Form.Item>
        <Form.Item label={t('party.member.contact')} name="contact">
          <Input />
        </Form.Item>
        <Form.Item label={t('auth.email')} name="email">
          <Input type="email" />
        </Form.Item>
        <DialogFormFooter failure={failure} busy={busy} onCancel={onClose} />
      </Form>
    </Modal>
  );
}
