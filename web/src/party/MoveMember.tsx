import { useQueryClient } from '@tanstack/react-query';
import { Form, Modal } from 'antd';
import { api, unwrap } from '../api/client.ts';
import { useFormSubmit } from '../forms.ts';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import { CommunitySelect } from './CommunitySelect.tsx';
import { DateField } from '../components/DateField.tsx';
import { DialogFormFooter } from '../components/DialogFormFooter.tsx';
import type { Member, MemberMove } from './party-api.ts';

/** Moves a member to another community: the current registration ends, the history keeps it. */
export function MoveMember({ member, onClose }: { member: Member; onClose(): void }) {
  const { t } = useI18n();
  const label = useLabel();
  const [form] = Form.useForm<MemberMove>();
  const queryClient = useQueryClient();
  const { submit, busy, failure } = useFormSubmit(form, async (body) => {
    unwrap(await api.POST('/party/members/{id}/move', { params: { path: { id: member.id } }, body }));
    await queryClient.invalidateQueries({ queryKey: ['party'] });
    onClose();
  });
  return (
    <Modal open title={`${label('registrationStep', 'move')}：${member.name}`} onCancel={onClose} footer={null} destroyOnHidden>
      <Form<MemberMove> form={form} name="move-member" layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item label={t('party.member.newCommunity')} name="communityId">
          <CommunitySelect />
        </Form.Item>
        <Form.Item label={t('party.member.movedOn')} name="movedOn">
          <DateField />
        </Form.Item>
        <DialogFormFooter failure={failure} busy={busy} onCancel={onClose} />
      </Form>
    </Modal>
  );
}
