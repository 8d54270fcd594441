import { Fragment, useEffect } from 'react';
import { Button, Layout, Result, Segmented, Space, Spin, Typography } from 'antd';
import { Link, Navigate, Outlet, useLocation } from 'react-router';
import { useI18n, useLabel, type Language } from './i18n/i18n.tsx';
import { useSession } from './auth/session.tsx';
import { useOwnUnit } from './directory/org-units.ts';
import { headerFor, liveMenuFor, menuFor } from './features.ts';
import { useSettings } from './time.ts';

/** Header with the user's menu (each feature's entries for the role and the unit's kind), the language switch and sign-out around every signed-in page. */
export function AppShell() {
  const { t, language, setLanguage } = useI18n();
  const label = useLabel();
  const { session, signOut } = useSession();
  const settings = useSettings();
  const location = useLocation();
  const own = useOwnUnit(session?.user.orgUnitId);
  useDraftSync(session?.user.role === 'street_staff' ? session.user.id : undefined);
  // A unit's clerk's menu follows what the unit's kind does, so it waits for the directory.
  const viewer =
    session && !(session.user.role === 'street_staff' && own.isPending) ? { role: session.user.role, unit: own.unit } : undefined;
  const items = viewer ? menuFor(viewer) : [];
  const live = viewer ? liveMenuFor(viewer) : [];
  const headerItems = viewer ? headerFor(viewer) : [];
  // Signed out (never signed in, or signed out in another tab): to sign-in, which comes back here.
  // Every screen needs the settings, which the API gives only to a signed-in user.
  if (!session) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  // An account an admin made or reset: the API answers nothing else until its one-time password is changed.
  if (session.user.mustChangePassword) return <Navigate to="/password" replace />;

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Header
        style={{
          display: 'flex',
          alignItems: 'center',
          gap: '4px 16px',
          padding: '8px 16px',
          flexWrap: 'wrap',
          height: 'auto',
          lineHeight: 'normal',
        }}
      >
        <Typography.Text strong style={{ color: '#fff', whiteSpace: 'nowrap' }}>
          {t('app.title')}
        </Typography.Text>
        <nav aria-label={t('nav.label')} style={{ flex: 1, minWidth: 120 }}>
          <ul className="main-menu">
            {items.map(({ path, label: key }) => (
              <li key={path}>
                <Link to={path} aria-current={location.pathname === path ? 'page' : undefined}>
                  {t(key)}
                </Link>
              </li>
            ))}
            {live.map(({ key, element }) => (
              <Fragment key={key}>{element}</Fragment>
            ))}
          </ul>
        </nav>
        <Space wrap>
          <Segmented<Language>
            aria-label={t('language.switch')}
            size="small"
            value={language}
            onChange={setLanguage}
            options={[
              { label: '中文', value: 'zh' },
              { label: 'English', value: 'en' },
            ]}
          />
          {headerItems.map(({ key, element }) => (
            <Fragment key={key}>{element}</Fragment>
          ))}
          {session && (
            <Typography.Text style={{ color: '#fff' }}>
              {session.user.displayName} · {label('role', session.user.role)}
            </Typography.Text>
          )}
          <Button size="small" onClick={() => void signOut()}>
            {t('auth.signOut')}
          </Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ padding: 16, maxWidth: 1400, width: '100%', margin: '0 auto' }}>
        <main>
          {settings.data ? (
            <Outlet />
          ) : settings.isError ? (
            <Result
              status="warning"
              title={t('app.unavailable')}
              extra={<Button onClick={() => void settings.refetch()}>{t('app.retry')}</Button>}
            />
          ) : (
            <Spin style={{ display: 'block', margin: 48 }} />
          )}
        </main>
      </Layout.Content>
    </Layout>
  );
}

/**
 * While a clerk is signed in, their filings kept on this device go out whenever there is a way (cases/draft-sync.ts),
 * whatever screen is open. Loaded on its own: the first screen carries none of it.
 */
function useDraftSync(clerkId: string | undefined) {
  useEffect(() => {
    if (!clerkId) return;
    let stop: (() => void) | undefined;
    let current = true;
    void import('./cases/draft-sync.ts').then((sync) => {
      if (current) stop = sync.startDraftSync(clerkId);
    });
    return () => {
      current = false;
      stop?.();
    };
  }, [clerkId]);
}
