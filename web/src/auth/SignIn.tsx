import { useState } from 'react';
import { Alert, Button, Card, Input, Segmented, Typography } from 'antd';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { api, unwrap, ApiFailure } from '../api/client.ts';
import { useI18n, type Language } from '../i18n/i18n.tsx';
import { HOME } from './home.ts';
import { useSession } from './session.tsx';
import { messageOf } from '../forms.ts';

type Credentials = { email: string; password: string };

export function SignIn() {
  const { t, language, setLanguage } = useI18n();
  const { session, signIn } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const next = params.get('next');

  if (session) return <Navigate to={next?.startsWith('/') ? next : HOME[session.user.role]} replace />;

  const submit = async (values: Credentials) => {
    setBusy(true);
    setFailure(undefined);
    try {
      const created = unwrap(await api.POST('/auth/login', { body: values }));
      signIn(created);
      const home = next?.startsWith('/') ? next : HOME[created.user.role];
      void navigate(created.user.mustChangePassword ? '/password' : home, { replace: true });
    } catch (error) {
      setFailure(error instanceof ApiFailure && error.status === 401 ? t('auth.wrong') : messageOf(error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main style={{ display: 'flex', justifyContent: 'center', padding: '10vh 16px' }}>
      <Card style={{ width: 380, maxWidth: '100%' }}>
        <Typography.Title level={1} style={{ fontSize: 24 }}>
          {t('app.title')}
        </Typography.Title>
        <Segmented<Language>
          aria-label={t('language.switch')}
          value={language}
          onChange={setLanguage}
          options={[
            { label: '中文', value: 'zh' },
            { label: 'English', value: 'en' },
          ]}
          style={{ marginBottom: 16 }}
        />
        {params.get('expired') && <Alert type="warning" title={t('auth.expired')} style={{ marginBottom: 16 }} />}
        {failure && <Alert type="error" title={failure} style={{ marginBottom: 16 }} role="alert" />}
        {/* A plain form: antd's Form would add weight to the first screen for two fields. */}
        <form
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            void submit({ email: String(data.get('email') ?? ''), password: String(data.get('password') ?? '') });
          }}
        >
          <label htmlFor="email" className="field-label">
            {t('auth.email')}
          </label>
          <Input id="email" name="email" type="email" autoComplete="username" autoFocus />
          <label htmlFor="password" className="field-label">
            {t('auth.password')}
          </label>
          <Input.Password id="password" name="password" autoComplete="current-password" />
          <Button type="primary" htmlType="submit" loading={busy} block style={{ marginTop: 20 }}>
            {t('auth.signIn')}
          </Button>
        </form>
      </Card>
    </main>
  );
}
