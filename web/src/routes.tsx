import { Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router';
import { Result, Spin } from 'antd';
import { AppShell } from './AppShell.tsx';
import { HOME } from './auth/home.ts';
import { SignIn } from './auth/SignIn.tsx';
import { ChangePassword } from './auth/ChangePassword.tsx';
import { useSession } from './auth/session.tsx';
import { useOwnUnit } from './directory/org-units.ts';
import { reaches, type FeatureRoute } from './feature.ts';
import { FEATURES, menuFor } from './features.ts';
import { useI18n } from './i18n/i18n.tsx';

const loading = <Spin style={{ display: 'block', margin: 48 }} />;

/**
 * A screen for its audience only. A role it is not for goes to the role's first screen; a unit's clerk
 * whose unit does not do what the screen is about (a leadership body files no cases) goes to the first
 * entry of its own menu. The API refuses what the screen would ask in any case: this only spares the detour.
 */
function Guard({ route, children }: { route: FeatureRoute; children: ReactNode }) {
  const { session } = useSession();
  const { t } = useI18n();
  const own = useOwnUnit(session?.user.orgUnitId);
  // The shell has sent a signed-out visitor to sign-in already.
  if (!session) return null;
  const { role } = session.user;
  if (!route.roles.includes(role)) return <Navigate to={HOME[role]} replace />;
  if (route.clerkUnit && role === 'street_staff') {
    if (own.isPending) return loading;
    const viewer = { role, unit: own.unit };
    if (!reaches(route, viewer)) {
      const first = menuFor(viewer)[0];
      return first ? <Navigate to={first.path} replace /> : <Result status="info" title={t('nav.nothingHere')} />;
    }
  }
  return <Suspense fallback={loading}>{children}</Suspense>;
}

export function AppRoutes() {
  const { session } = useSession();
  return (
    <Routes>
      <Route path="/login" element={<SignIn />} />
      <Route path="/password" element={<ChangePassword />} />
      <Route element={<AppShell />}>
        {FEATURES.flatMap((feature) => feature.routes).map((route) => (
          <Route key={route.path} path={route.path} element={<Guard route={route}>{route.element}</Guard>} />
        ))}
      </Route>
      <Route path="*" element={<Navigate to={session ? HOME[session.user.role] : '/login'} replace />} />
    </Routes>
  );
}
