import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { Alert } from '../../../../components/ui/Alert';
import { PageHeading } from '../../../../components/ui/PageHeading';
import { MailModeNotice } from '../MailModeNotice';
import { MessageList } from '../outbox/MessageList';
import '../../../../styles/email.css';

/** Router state from the link that opened the page: whose messages these are. */
export interface PatronEmailsState {
  patronName?: string | null;
}

/** Every e-mail to one patron, newest first: campaign mailings, follow-ups. */
export function PatronEmailsPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const patronId = Number(useParams().patronId);
  const name = (location.state as PatronEmailsState | null)?.patronName;
  const valid = Number.isInteger(patronId) && patronId > 0;
  const title = name
    ? t('email.patron.title', { name })
    : t('email.patron.titleNumber', { id: valid ? patronId : '?' });
  return (
    <>
      <p className="breadcrumb">
        <Link to="/patrons">{t('email.patron.back')}</Link>
      </p>
      <PageHeading title={title} lead={<p>{t('email.patron.lead')}</p>} />
      <MailModeNotice />
      {valid ? (
        <MessageList filter={{ patronId }} caption={title} withoutPatron />
      ) : (
        <Alert tone="error">{t('errors.NOT_FOUND')}</Alert>
      )}
    </>
  );
}
