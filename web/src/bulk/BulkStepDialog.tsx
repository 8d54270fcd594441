import { Alert, Button, Form, Modal, Space, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { api, unwrap, type paths } from '../api/client.ts';
import { useFormSubmit, useIdempotencyKey, withoutEmpty } from '../forms.ts';
import { useI18n, useLabel } from '../i18n/i18n.tsx';
import { STEP_FIELDS, StepFieldInput } from '../cases/StepForms.tsx';
import { StockReplyPicker } from '../cases/StockReplyPicker.tsx';
import type { CaseFilters } from '../cases/case-filters.ts';

type BulkRequest = NonNullable<paths['/bulk-steps']['post']['requestBody']>['content']['application/json'];
export type BulkStep = BulkRequest['step'];
/** The cases a bulk step goes to: by id, or all a list's filters find. */
export type BulkSelection = { caseIds: string[] } | { matching: CaseFilters };

/** The step's one text (or colleague) for every selected case; started, it opens the job's result screen. */
export function BulkStepDialog({
  step,
  selection,
  count,
  onClose,
}: {
  step: BulkStep;
  selection: BulkSelection;
  count: number;
  onClose(): void;
}) {
  const { t } = useI18n();
  const label = useLabel();
  const navigate = useNavigate();
  const [form] = Form.useForm<Record<string, unknown>>();
  // One key per dialog: sent again after a lost answer, the same job answers and no case is stepped twice.
  const { key } = useIdempotencyKey();
  const { submit, busy, failure } = useFormSubmit(form, async (values) => {
    const body = { step, body: withoutEmpty(values), ...selection } as BulkRequest;
    const job = unwrap(await api.POST('/bulk-steps', { params: { header: { 'idempotency-key': key } }, body }));
    void navigate(`/bulk-steps/${job.id}`);
  });
  const firstCase = 'caseIds' in selection ? selection.caseIds[0] : undefined;

  return (
    <Modal
      open
      title={t('bulk.dialogTitle', { step: label('step', step), count })}
      onCancel={onClose}
      footer={null}
      destroyOnHidden
      width={640}
    >
      <Typography.Paragraph type="secondary">{t('bulk.dialogHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(values) => void submit(values)}>
        {firstCase && <StockReplyPicker caseId={firstCase} action={step} />}
        {STEP_FIELDS[step].map((field) => (
          <Form.Item key={String(field.name)} label={t(field.label)} name={field.name}>
            <StepFieldInput field={field} />
          </Form.Item>
        ))}
        {failure && <Alert type="error" role="alert" title={failure} style={{ marginBottom: 12 }} />}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('bulk.start')}
          </Button>
          <Button onClick={onClose}>{t('step.cancel')}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
