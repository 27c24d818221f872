/**
 * The screens, each loaded on demand (one chunk per route). A feature's `route.tsx` exports
 * `Component`, as React Router's `lazy` expects.
 */
import { createBrowserRouter, Navigate, useLocation, Outlet } from 'react-router';
import { PageLoader } from '../components/PageLoader';
import { Layout } from './Layout';
import { NotFoundPage } from './NotFoundPage';
import { useSessionState } from './session';

function RequireSession() {
  const { session, isLoading } = useSessionState();
  const location = useLocation();
  if (isLoading) return <PageLoader />;
  if (!session) {
    const next = location.pathname + location.search;
    return <Navigate to={`/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <Outlet />;
}

export const router = createBrowserRouter([
  { path: '/login', lazy: () => import('../features/login/route') },
  {
    element: <RequireSession />,
    hydrateFallbackElement: <PageLoader />,
    children: [
      {
        element: <Layout />,
        children: [
          { index: true, lazy: () => import('../features/work-queue/route') },
          { path: 'inbox', lazy: () => import('../features/inbox/route') },
          { path: 'cases/new', lazy: () => import('../features/register/route') },
          { path: 'cases/search', lazy: () => import('../features/case-search/route') },
          { path: 'cases/:caseId', lazy: () => import('../features/cases/route') },
          { path: 'persons', lazy: () => import('../features/person-search/route') },
          { path: 'persons/:personId', lazy: () => import('../features/persons/route') },
          { path: 'calendar/*', lazy: () => import('../features/calendar/route') },
          { path: 'admin/*', lazy: () => import('../features/admin/route') },
          { path: 'audit', lazy: () => import('../features/audit/route') },
          {
            path: 'statistics/juvenile',
            lazy: () => import('../features/juvenile-indicators/route'),
          },
          {
            path: 'statistics/performance',
            lazy: () => import('../features/performance/route'),
          },
          {
            path: 'statistics/performance/report',
            lazy: () => import('../features/performance/report'),
          },
          {
            path: 'statistics/family-protection',
            lazy: () => import('../features/family-protection/route'),
          },
          { path: 'referrals', lazy: () => import('../features/referrals/route') },
          { path: 'documents/retention', lazy: () => import('../features/retention/route') },
          { path: '*', Component: NotFoundPage },
        ],
      },
    ],
  },
]);
