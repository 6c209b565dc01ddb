import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Alert, Loading } from '../../../../components/ui/Alert';
import { useMailings } from '../../hooks/useMailings';
import { MailModeNotice } from '../MailModeNotice';
import { MailingList } from './MailingList';
import { SendMailing } from './SendMailing';
import '../../../../styles/email.css';

export interface CampaignEmailsProps {
  campaignId: number;
  /** Only a running campaign (active or paused) sends e-mails. */
  running: boolean;
}

/**
 * The campaign's e-mail step, on its page: choose a template, see who it would reach, send it
 * (now or later), and follow each mailing as it goes out.
 */
export function CampaignEmails({ campaignId, running }: CampaignEmailsProps) {
  const { t } = useTranslation();
  const mailings = useMailings(campaignId);
  return (
    <section className="card campaign-emails" aria-labelledby="campaign-emails-title">
      <h2 id="campaign-emails-title">{t('email.campaign.title')}</h2>
      <p>{t('email.campaign.lead')}</p>
      <MailModeNotice />
      {running ? (
        <SendMailing campaignId={campaignId} />
      ) : (
        <p className="muted">{t('email.campaign.notRunning')}</p>
      )}
      <h3 id="campaign-mailings-title">{t('email.mailings.title')}</h3>
      {mailings.isPending ? <Loading label={t('app.loading')} /> : null}
      {mailings.isError ? <Alert tone="error">{errorMessage(mailings.error, t)}</Alert> : null}
      {mailings.data?.length === 0 ? <p>{t('email.mailings.none')}</p> : null}
      {mailings.data && mailings.data.length > 0 ? (
        <MailingList campaignId={campaignId} mailings={mailings.data} />
      ) : null}
    </section>
  );
}
