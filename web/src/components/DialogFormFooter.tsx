import { Alert, Button, Space } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * The end of a dialog's form: what the API refused that names no field, then save (busy while the
 * request runs) and cancel.
 */
export function DialogFormFooter({ failure, busy, onCancel }: { failure?: string; busy: boolean; onCancel(): void }) {
  const { t } = useI18n();
  return (
    <>
      {failure && <Alert type="error" role="alert" title={failure} style={{ marginBottom: 12 }} />}
      <Space>
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('party.save')}
        </Button>
        <Button onClick={onCancel}>{t('step.cancel')}</Button>
      </Space>
    </>
  );
}
