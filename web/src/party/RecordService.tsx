import { useState } from 'react';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { Form, Input, InputNumber, Modal, Select } from 'antd';
import { api, unwrap } from '../api/client.ts';
import { useFormSubmit, useIdempotencyKey, withoutEmpty } from '../forms.ts';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import { codesOf } from '../i18n/words.ts';
import { DateField } from '../components/DateField.tsx';
import { DialogFormFooter } from '../components/DialogFormFooter.tsx';
import { useMembers, type MembersQuery, type NewRecord } from './party-api.ts';

/** Searches ask the API once two characters are typed (its shortest search). */
const SEARCH_FROM = 2;

/**
 * Records a member's service. The community's street/park records it confirmed; the member's home unit
 * records it for that street/park to confirm (the API decides which, and which case it may link).
 * One column, so it works on a 375 px screen.
 */
export function RecordService({ side, onClose }: { side: MembersQuery['side']; onClose(): void }) {
  const { t } = useI18n();
  const label = useLabel();
  const [form] = Form.useForm<NewRecord>();
  const queryClient = useQueryClient();
  // One key per record: a retry after a lost answer records it once.
  const { key: idempotencyKey } = useIdempotencyKey();
  const { submit, busy, failure } = useFormSubmit(form, async (values) => {
    unwrap(await api.POST('/party/records', { params: { header: { 'idempotency-key': idempotencyKey } }, body: withoutEmpty(values) }));
    await queryClient.invalidateQueries({ queryKey: ['party', 'records'] });
    onClose();
  });
  return (
    <Modal open title={label('serviceRecordStep', 'record')} onCancel={onClose} footer={null} destroyOnHidden>
      <Form<NewRecord> form={form} name="record-service" layout="vertical" onFinish={(values) => void submit(values)}>
        <Form.Item label={t('party.record.member')} name="memberId">
          <MemberSelect side={side} />
        </Form.Item>
        <Form.Item label={t('party.record.kind')} name="kind">
          <Select options={codesOf('serviceKind').map((code) => ({ value: code, label: label('serviceKind', code) }))} />
        </Form.Item>
        <Form.Item label={t('party.record.servedOn')} name="servedOn">
          <DateField />
        </Form.Item>
        <Form.Item label={t('party.record.hours')} name="hours">
          <InputNumber min={0} step={0.5} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('party.record.account')} name="account">
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item label={t('party.record.case')} name="caseId" extra={t('party.record.caseHint')}>
          <CaseSelect />
        </Form.Item>
        <DialogFormFooter failure={failure} busy={busy} onCancel={onClose} />
      </Form>
    </Modal>
  );
}

type PickerProps = { id?: string; value?: string; onChange?: (value: string | undefined) => void };

/** A member the caller may record for, searched on the server by name or number. */
function MemberSelect({ side, ...props }: PickerProps & { side: MembersQuery['side'] }) {
  const [q, setQ] = useState('');
  const members = useMembers({ side, q: q.length >= SEARCH_FROM ? q : undefined, limit: 20, offset: 0 });
  return (
    <Select
      {...props}
      showSearch
      filterOption={false}
      onSearch={setQ}
      loading={members.isFetching}
      options={(members.data?.items ?? []).map((m) => ({ value: m.id, label: `${m.name}（${m.memberNumber}）` }))}
    />
  );
}

/** A ledger case to link, searched on the server by title, description or place. */
function CaseSelect(props: PickerProps) {
  const [q, setQ] = useState('');
  const cases = useQuery({
    queryKey: ['cases', 'pick', q],
    enabled: q.length >= SEARCH_FROM,
    queryFn: async () => unwrap(await api.GET('/cases', { params: { query: { q, limit: 20, sort: 'newest' } } })).items,
    placeholderData: keepPreviousData,
  });
  return (
    <Select
      {...props}
      allowClear
      showSearch
      filterOption={false}
      onSearch={setQ}
      loading={cases.isFetching}
      options={(cases.data ?? []).map((c) => ({ value: c.id, label: `${c.number} ${c.title}` }))}
    />
  );
}
