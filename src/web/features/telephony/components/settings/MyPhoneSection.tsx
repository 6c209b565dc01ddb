import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../../../app/session';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Alert, Loading } from '../../../../components/ui/Alert';
import type { SipAccount } from '../../../../../shared/schemas/telephony.js';
import { useOwnSipAccount, useUpdateOwnSipAccount } from '../../hooks/useTelephony';
import { PhoneTest } from './PhoneTest';
import { SipAccountForm } from './SipAccountForm';

/**
 * My settings → My phone: whether the library's built-in softphone is on, the staff member's own
 * phone account, and "Test my phone". With the softphone off for the library, only says so.
 * The password never comes to this page; only "Test my phone" fetches it, to register.
 */
/** What the staff member's softphone is waiting for, as the calling screen will find it. */
function softphoneState(account: SipAccount) {
  if (!account.libraryOffers) return 'library_off';
  if (!account.enabled) return 'user_off';
  if (account.username === '' || !account.passwordSet) return 'no_account';
  return 'available';
}

export function MyPhoneSection() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const account = useOwnSipAccount();
  const save = useUpdateOwnSipAccount();
  const state = account.data ? softphoneState(account.data) : 'available';
  const libraryOff = state === 'library_off';

  return (
    <section className="card" aria-labelledby="my-phone-title">
      <h2 id="my-phone-title">{t('telephony.myPhone.title')}</h2>
      {account.isPending ? <Loading label={t('app.loading')} /> : null}
      {account.isError ? <Alert tone="error">{errorMessage(account.error, t)}</Alert> : null}
      {account.data ? <p>{t(`telephony.myPhone.status.${state}`)}</p> : null}
      {libraryOff && user.role === 'admin' ? (
        <p>
          <Link to="/settings/telephony">{t('nav.telephony')}</Link>
        </p>
      ) : null}
      {account.isPending || libraryOff ? null : (
        <>
          {account.data ? (
            <SipAccountForm
              texts="myPhone"
              idPrefix="my-phone"
              account={account.data}
              save={save}
            />
          ) : null}
          <PhoneTest />
        </>
      )}
    </section>
  );
}
