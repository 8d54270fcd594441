import { Alert, Button, Card, Form, Input, Typography } from 'antd';
import { Navigate, useNavigate } from 'react-router';
import { api, expectDone } from '../api/client.ts';
import { useFormSubmit } from '../forms.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { HOME } from './home.ts';
import { useSession } from './session.tsx';

type PasswordChange = { currentPassword: string; newPassword: string };

/**
 * The first sign-in of an account an administrator made (or reset): the API answers nothing else until
 * the one-time password is replaced. The rule and its messages are the API's, shown beside the fields.
 */
export function ChangePassword() {
  const { t } = useI18n();
  const { session, signIn } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordChange>();
  const { submit, busy, failure } = useFormSubmit(form, async (values) => {
    expectDone(await api.POST('/auth/password', { body: values }));
    if (!session) return;
    signIn({ ...session, user: { ...session.user, mustChangePassword: false } });
    void navigate(HOME[session.user.role], { replace: true });
  });
  if (!session) return <Navigate to="/login" replace />;

  return (
    <main style={{ display: 'flex', justifyContent: 'center', padding: '10vh 16px' }}>
      <Card style={{ width: 420, maxWidth: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t('auth.changePassword')}
        </Typography.Title>
        {session.user.mustChangePassword && <Alert type="info" title={t('auth.mustChangePassword')} style={{ marginBottom: 16 }} />}
        {failure && <Alert type="error" title={failure} style={{ marginBottom: 16 }} role="alert" />}
        <Form<PasswordChange> form={form} layout="vertical" onFinish={(values) => void submit(values)} requiredMark={false}>
          <Form.Item label={t('auth.currentPassword')} name="currentPassword">
            <Input.Password autoComplete="current-password" autoFocus />
          </Form.Item>
          <Form.Item label={t('auth.newPassword')} name="newPassword" extra={t('auth.passwordRule')}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} block>
            {t('auth.changePassword')}
          </Button>
        </Form>
      </Card>
    </main>
  );
}
