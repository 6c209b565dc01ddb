import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Alert, Loading } from '../../../../components/ui/Alert';
import { PageHeading } from '../../../../components/ui/PageHeading';
import { useMailSettings } from '../../hooks/useMailSettings';
import { MailModeNotice } from '../MailModeNotice';
import { BounceForm } from './BounceForm';
import { ConsentPolicyForm } from './ConsentPolicyForm';
import { RelayForm } from './RelayForm';
import { WebhookToken } from './WebhookToken';
import '../../../../styles/email.css';

/** Settings → Mail: the relay mail goes out through, and where bounce reports come back. */
export function MailSettingsPage() {
  const { t } = useTranslation();
  const settings = useMailSettings();
  return (
    <>
      <PageHeading title={t('email.settings.title')} lead={<p>{t('email.settings.lead')}</p>} />
      <MailModeNotice withLink={false} />
      {settings.isPending ? <Loading label={t('app.loading')} /> : null}
      {settings.isError ? <Alert tone="error">{errorMessage(settings.error, t)}</Alert> : null}
      {settings.data ? (
        <div className="sections">
          <RelayForm settings={settings.data} />
          <ConsentPolicyForm impliedConsentForActive={settings.data.impliedConsentForActive} />
          <BounceForm settings={settings.data.bounces} />
          <WebhookToken tokenSet={settings.data.webhookTokenSet} />
        </div>
      ) : null}
    </>
  );
}
