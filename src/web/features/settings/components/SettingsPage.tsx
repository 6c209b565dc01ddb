import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../../app/session';
import { MyPhonePart } from '../../../app/telephonyParts';
import { PageHeading } from '../../../components/ui/PageHeading';
import { CallingForm } from './CallingForm';
import { PasswordForm } from './PasswordForm';
import { ProfileForm } from './ProfileForm';

export function SettingsPage() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <>
      <PageHeading
        title={t('settings.title')}
        lead={<p>{t('settings.lead', { email: user.email, role: t(`roles.${user.role}`) })}</p>}
      />
      <div className="sections">
        <ProfileForm key={user.id} user={user} />
        {user.role === 'viewer' ? null : <CallingForm key={`calling-${user.id}`} user={user} />}
        {user.role === 'viewer' ? null : <MyPhonePart key={`phone-${user.id}`} />}
        <PasswordForm email={user.email} />
        {user.role === 'admin' ? (
          <section className="card" aria-labelledby="library-settings-title">
            <h2 id="library-settings-title">{t('settings.library.title')}</h2>
            <ul className="plain-list">
              <li>
                <Link to="/settings/library">{t('nav.library')}</Link>
              </li>
              <li>
                <Link to="/settings/mail">{t('nav.mail')}</Link>
                <span className="muted"> — {t('settings.library.mail')}</span>
              </li>
              <li>
                <Link to="/settings/telephony">{t('nav.telephony')}</Link>
                <span className="muted"> — {t('telephony.settings.summary')}</span>
              </li>
            </ul>
          </section>
        ) : null}
      </div>
    </>
  );
}
