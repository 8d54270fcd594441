import { Button, Layout, Segmented, Space, Spin, Typography } from 'antd';
import { Link, Outlet, useLocation } from 'react-router';
import type { Role } from './api/client.ts';
import { useI18n, useLabel, type Language } from './i18n/i18n.tsx';
import type { MessageKey } from './i18n/zh.ts';
import { useSession } from './auth/session.tsx';
import { useSettings } from './time.ts';

const MENUS: Record<Role, Array<[string, MessageKey]>> = {
  street_staff: [
    ['/cases', 'nav.ledger'],
    ['/cases/new', 'nav.file'],
    ['/half-year', 'nav.halfYear'],
    ['/exports', 'nav.exports'],
  ],
  district_officer: [
    ['/triage', 'nav.triage'],
    ['/cases', 'nav.allCases'],
    ['/cycle', 'nav.cycle'],
    ['/dashboard', 'nav.dashboard'],
    ['/exports', 'nav.exports'],
  ],
  municipal_liaison: [
    ['/coordination', 'nav.coordination'],
    ['/cases', 'nav.allCases'],
    ['/dashboard', 'nav.dashboard'],
    ['/exports', 'nav.exports'],
  ],
  admin: [
    ['/cases', 'nav.allCases'],
    ['/dashboard', 'nav.dashboard'],
    ['/admin/calendar', 'nav.calendar'],
    ['/admin/directory', 'nav.directory'],
    ['/admin/mail', 'nav.mail'],
    ['/exports', 'nav.exports'],
  ],
};

/** Header with the role's menu, the language switch and sign-out around every signed-in page. */
export function AppShell() {
  const { t, language, setLanguage } = useI18n();
  const label = useLabel();
  const { session, signOut } = useSession();
  const settings = useSettings();
  const location = useLocation();
  const items = session ? MENUS[session.user.role] : [];

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
            {items.map(([path, key]) => (
              <li key={path}>
                <Link to={path} aria-current={location.pathname === path ? 'page' : undefined}>
                  {t(key)}
                </Link>
              </li>
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
        <main>{settings.data ? <Outlet /> : <Spin style={{ display: 'block', margin: 48 }} />}</main>
      </Layout.Content>
    </Layout>
  );
}
