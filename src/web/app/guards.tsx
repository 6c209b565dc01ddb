import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import type { Role } from '../../shared/roles.js';
import { Loading } from '../components/ui/Alert';
import { useCurrentUserQuery, useSetupStatus } from './session';
import { ForbiddenPage, LoadFailedPage } from './StatusPages';

/** Where to return after sign-in, carried in the router state. */
export interface ReturnState {
  from?: string;
}

/**
 * Pages for signed-in staff. A fresh install goes to first-run setup; nobody signed in goes to
 * sign-in and comes back here afterwards.
 */
export function RequireSession({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const setup = useSetupStatus();
  const me = useCurrentUserQuery();
  if (setup.isPending || me.isPending) return <Loading label={t('app.loading')} />;
  if (setup.data?.needed) return <Navigate to="/setup" replace />;
  if (me.isError) return <LoadFailedPage error={me.error} />;
  if (me.data === null) {
    const state: ReturnState = { from: `${location.pathname}${location.search}` };
    return <Navigate to="/sign-in" replace state={state} />;
  }
  return children;
}

/** Pages for some roles only; others are told plainly rather than sent elsewhere. */
export function RequireRole({ roles }: { roles: readonly Role[] }) {
  const me = useCurrentUserQuery();
  if (!me.data || !roles.includes(me.data.role)) return <ForbiddenPage />;
  return <Outlet />;
}
