import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
import { Spin } from 'antd';
import type { Role } from './api/client.ts';
import { AppShell } from './AppShell.tsx';
import { HOME } from './auth/home.ts';
import { SignIn } from './auth/SignIn.tsx';
import { CaseList } from './cases/CaseList.tsx';
import { useSession } from './auth/session.tsx';

// Everything but sign-in and the ledger list loads on demand, to keep the first screen light.
const FileCase = lazy(() => import('./cases/FileCase.tsx'));
const CasePage = lazy(() => import('./cases/CasePage.tsx'));
const HalfYearLedger = lazy(() => import('./cycle/HalfYearLedger.tsx'));
const CycleBoard = lazy(() => import('./cycle/CycleBoard.tsx'));
const Dashboard = lazy(() => import('./statistics/Dashboard.tsx'));
const Exports = lazy(() => import('./exports/Exports.tsx'));
const CalendarEditor = lazy(() => import('./calendar/CalendarEditor.tsx'));
const Directory = lazy(() => import('./directory/Directory.tsx'));
const Mailbox = lazy(() => import('./system/Mailbox.tsx'));

const ALL: readonly Role[] = ['street_staff', 'district_officer', 'municipal_liaison', 'admin'];

function Guard({ roles, children }: { roles: readonly Role[]; children: ReactNode }) {
  const { session } = useSession();
  const location = useLocation();
  if (!session) return <Navigate to={`/login?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if (!roles.includes(session.user.role)) return <Navigate to={HOME[session.user.role]} replace />;
  return <Suspense fallback={<Spin style={{ display: 'block', margin: 48 }} />}>{children}</Suspense>;
}

// Each list is keyed by its preset: its cursors belong to its order and are not carried to another list.
export function AppRoutes() {
  const { session } = useSession();
  const page = (roles: readonly Role[], element: ReactNode) => <Guard roles={roles}>{element}</Guard>;
  return (
    <Routes>
      <Route path="/login" element={<SignIn />} />
      <Route element={<AppShell />}>
        <Route path="/cases" element={page(ALL, <CaseList key="ledger" preset="ledger" />)} />
        <Route path="/triage" element={page(['district_officer'], <CaseList key="triage" preset="triage" />)} />
        <Route path="/coordination" element={page(['municipal_liaison'], <CaseList key="coordination" preset="coordination" />)} />
        <Route path="/cases/new" element={page(['street_staff'], <FileCase />)} />
        <Route path="/cases/:id" element={page(ALL, <CasePage />)} />
        <Route path="/half-year" element={page(['street_staff'], <HalfYearLedger />)} />
        <Route path="/cycle" element={page(['district_officer'], <CycleBoard />)} />
        <Route path="/dashboard" element={page(['district_officer', 'municipal_liaison', 'admin'], <Dashboard />)} />
        <Route path="/exports" element={page(['district_officer', 'municipal_liaison', 'admin', 'street_staff'], <Exports />)} />
        <Route path="/admin/calendar" element={page(['admin'], <CalendarEditor />)} />
        <Route path="/admin/directory" element={page(['admin'], <Directory />)} />
        <Route path="/admin/mail" element={page(['admin'], <Mailbox />)} />
      </Route>
      <Route path="*" element={<Navigate to={session ? HOME[session.user.role] : '/login'} replace />} />
    </Routes>
  );
}
