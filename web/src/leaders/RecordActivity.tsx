import { useState } from 'react';
import { Alert, Button, Card, Form, Input, InputNumber, Select } from 'antd';
import { api, unwrap } from '../api/client.ts';
import { uploadAttachment } from '../api/upload.ts';
import { FileInputs, type Pending } from '../components/FileInputs.tsx';
import { useOrgUnits } from '../directory/org-units.ts';
import { useFormSubmit, useIdempotencyKey, withoutEmpty } from '../forms.ts';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import { codesOf } from '../i18n/words.ts';
import { DateField } from '../components/DateField.tsx';
import type { LeaderYear, NewActivity } from './leaders-api.ts';

/**
 * Records one activity of a leader, with photos taken on the phone and documents; it counts once the
 * street or park where it took place confirms it. One column, so it works on a 375 px screen.
 */
export function RecordActivity({ leader, onRecorded }: { leader: LeaderYear; onRecorded(): Promise<unknown> }) {
  const { t } = useI18n();
  const label = useLabel();
  const [form] = Form.useForm<NewActivity>();
  const [files, setFiles] = useState<Pending[]>([]);
  const [notice, setNotice] = useState<{ type: 'success' | 'warning'; text: string }>();
  // One key per activity: a retry after a lost answer records it once; the next activity gets a new key.
  const idempotencyKey = useIdempotencyKey();
  // The streets and parks of the district the leader reports in (the API says which of them is allowed).
  const units = useOrgUnits().data ?? [];
  const district = units.find((u) => u.id === leader.reportsTo.id)?.parentId;
  const places = units.filter((u) => u.keepsCommunities && u.parentId === district);
  const { submit, busy, failure } = useFormSubmit(form, async (values) => {
    setNotice(undefined);
    const recorded = unwrap(
      await api.POST('/leaders/{id}/activities', {
        params: { path: { id: leader.id }, header: { 'idempotency-key': idempotencyKey.key } },
        body: withoutEmpty(values),
      }),
    );
    idempotencyKey.renew();
    const failed: string[] = [];
    for (const pending of files)
      await uploadAttachment(`/leader-activities/${recorded.id}/attachments`, pending.file, () => undefined).catch((error: Error) =>
        failed.push(`${pending.file.name}: ${error.message}`),
      );
    form.resetFields();
    setFiles([]);
    setNotice(
      failed.length === 0
        ? { type: 'success', text: t('leaders.activity.recorded') }
        : { type: 'warning', text: t('leaders.activity.uploadFailed', { detail: failed.join('；') }) },
    );
    await onRecorded();
  });
  const kinds = codesOf('quotaItem').filter((k) => k !== 'public_service_project');
  return (
    <Card size="small" title={label('activityAction', 'record')} style={{ marginTop: 16 }}>
      <Form<NewActivity>
        form={form}
        name="record-activity"
        layout="vertical"
        initialValues={{ placeUnitId: leader.reportsTo.id }}
        onFinish={(values) => void submit(values)}
        style={{ maxWidth: 560 }}
      >
        <Form.Item label={t('leaders.activity.kind')} name="kind">
          <Select options={kinds.map((k) => ({ value: k, label: label('quotaItem', k) }))} />
        </Form.Item>
        <Form.Item label={t('leaders.activity.occurredOn')} name="occurredOn">
          <DateField />
        </Form.Item>
        <Form.Item label={t('leaders.activity.place')} name="placeUnitId">
          <Select options={places.map((u) => ({ value: u.id, label: u.name }))} />
        </Form.Item>
        <Form.Item label={t('leaders.activity.participants')} name="participants">
          <Input.TextArea rows={2} />
        </Form.Item>
        <Form.Item label={t('leaders.activity.account')} name="account">
          <Input.TextArea rows={4} />
        </Form.Item>
        <Form.Item label={t('leaders.activity.opinions')} name="opinionsCollected">
          <InputNumber min={0} style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item label={t('leaders.activity.files')}>
          <FileInputs files={files} onChange={setFiles} disabled={busy} />
        </Form.Item>
        {failure && <Alert type="error" role="alert" title={failure} style={{ marginBottom: 12 }} />}
        {notice && <Alert type={notice.type} role="status" title={notice.text} style={{ marginBottom: 12 }} />}
        <Button type="primary" htmlType="submit" loading={busy} block>
          {label('activityAction', 'record')}
        </Button>
      </Form>
    </Card>
  );
}
