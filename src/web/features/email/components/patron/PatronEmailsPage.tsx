import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { Alert } from '../../../../components/ui/Alert';
import { PageHeading } from '../../../../components/ui/PageHeading';
import type { EmailConsent } from '../../api/consent';
import { MailModeNotice } from '../MailModeNotice';
import { MessageList } from '../outbox/MessageList';
import { EmailConsentControl } from './EmailConsentControl';
import '../../../../styles/email.css';

/** Router state from the link that opened the page: whose messages these are. */
export interface PatronEmailsState {
  patronName?: string | null;
  /** The consent on record when the link was followed (there is no single-patron read). */
  emailConsent?: EmailConsent;
}

/** Every e-mail to one patron, newest first: campaign mailings, follow-ups; and their consent. */
export function PatronEmailsPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const navigate = useNavigate();
  const patronId = Number(useParams().patronId);
  const state = (location.state as PatronEmailsState | null) ?? {};
  const name = state.patronName;
  const valid = Number.isInteger(patronId) && patronId > 0;
  const title = name
    ? t('email.patron.title', { name })
    : t('email.patron.titleNumber', { id: valid ? patronId : '?' });
  // Kept in the history entry, so a reload shows what was just saved.
  const remember = (emailConsent: EmailConsent) =>
    void navigate(`${location.pathname}${location.search}`, {
      replace: true,
      state: { ...state, emailConsent },
    });
  return (
    <>
      <p className="breadcrumb">
        <Link to="/patrons">{t('email.patron.back')}</Link>
      </p>
      <PageHeading title={title} lead={<p>{t('email.patron.lead')}</p>} />
      <MailModeNotice />
      {valid ? (
        <>
          <EmailConsentControl
            patronId={patronId}
            current={state.emailConsent}
            onSaved={remember}
          />
          <MessageList filter={{ patronId }} caption={title} withoutPatron />
        </>
      ) : (
        <Alert tone="error">{t('errors.NOT_FOUND')}</Alert>
      )}
    </>
  );
}
