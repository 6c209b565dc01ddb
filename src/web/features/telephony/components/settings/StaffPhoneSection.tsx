import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { User } from '../../../../../shared/schemas/users.js';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Alert, Loading } from '../../../../components/ui/Alert';
import { useSipAccount, useTelephonySettings, useUpdateSipAccount } from '../../hooks/useTelephony';
import { SipAccountForm } from './SipAccountForm';

/**
 * Staff → a staff member → Phone account: an admin sets their SIP account for the built-in
 * softphone, or turns the softphone off for them. The saved password is never shown.
 */
export function StaffPhoneSection({ user }: { user: Pick<User, 'id' | 'name'> }) {
  const { t } = useTranslation();
  const account = useSipAccount(user.id);
  const save = useUpdateSipAccount(user.id);
  const library = useTelephonySettings();

  return (
    <section className="card" aria-labelledby="staff-phone-title">
      <h2 id="staff-phone-title">{t('telephony.staffPhone.title')}</h2>
      <p>{t('telephony.staffPhone.lead')}</p>
      {library.data?.enabled === false ? (
        <p className="muted">
          {t('telephony.staffPhone.libraryOff')}{' '}
          <Link to="/settings/telephony">{t('nav.telephony')}</Link>
        </p>
      ) : null}
      {account.isPending ? <Loading label={t('app.loading')} /> : null}
      {account.isError ? <Alert tone="error">{errorMessage(account.error, t)}</Alert> : null}
      {account.data ? (
        <SipAccountForm
          key={user.id}
          texts="staffPhone"
          idPrefix="staff-phone"
          account={account.data}
          save={save}
          name={user.name}
        />
      ) : null}
    </section>
  );
}
