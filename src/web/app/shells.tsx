import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { Loading } from '../components/ui/Alert';
import { LanguageSwitch } from '../components/ui/LanguageSwitch';
import { Layout } from '../components/ui/Layout';
import { SignOutButton } from '../features/auth/components/SignOutButton';
import { UrgentBanner } from '../features/followups/components/UrgentBanner';
import { useWorkSummary } from '../features/followups/hooks/useWork';
import { useSwitchLanguage } from './language';
import { navFor } from './navigation';
import { useCurrentUser } from './session';

function LanguageTool() {
  const { current, switchTo, busy } = useSwitchLanguage();
  return <LanguageSwitch current={current} onSwitch={switchTo} busy={busy} />;
}

/**
 * Frame for sign-in, setup and the patrons' unsubscribe page: no navigation, but the language
 * switch from the first screen.
 */
export function PublicShell() {
  const { t } = useTranslation();
  return (
    <Layout nav={[]} tools={<LanguageTool />}>
      {/* The unsubscribe page is loaded when first opened. */}
      <Suspense fallback={<Loading label={t('app.loading')} />}>
        <Outlet />
      </Suspense>
    </Layout>
  );
}

/**
 * Frame for signed-in staff: navigation for their role (with counts of work waiting), who they
 * are, sign-out; for coordinators and admins, a banner while an urgent concern waits.
 */
export function SignedInShell() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const summary = useWorkSummary(user.role !== 'viewer');
  const coordinator = user.role === 'admin' || user.role === 'coordinator';
  return (
    <Layout
      nav={navFor(user.role, t, summary.data)}
      tools={
        <>
          <p className="header__user">
            <span className="visually-hidden">{t('app.signedInAs')} </span>
            {user.name}
            <span className="header__role">{t(`roles.${user.role}`)}</span>
          </p>
          <LanguageTool />
          <SignOutButton />
        </>
      }
    >
      {coordinator ? <UrgentBanner urgentWaiting={summary.data?.urgentWaiting ?? 0} /> : null}
      {/* Some pages are loaded when first opened. */}
      <Suspense fallback={<Loading label={t('app.loading')} />}>
        <Outlet />
      </Suspense>
    </Layout>
  );
}
