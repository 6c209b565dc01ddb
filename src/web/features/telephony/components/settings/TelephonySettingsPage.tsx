import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Alert, Loading } from '../../../../components/ui/Alert';
import { PageHeading } from '../../../../components/ui/PageHeading';
import { useTelephonySettings } from '../../hooks/useTelephony';
import { TelephonySettingsForm } from './TelephonySettingsForm';

/** Settings → Phone system: the phone system the built-in softphone connects to (admins). */
export function TelephonySettingsPage() {
  const { t } = useTranslation();
  const settings = useTelephonySettings();
  return (
    <div className="narrow">
      <PageHeading
        title={t('telephony.settings.title')}
        lead={<p>{t('telephony.settings.lead')}</p>}
      />
      {settings.isPending ? <Loading label={t('app.loading')} /> : null}
      {settings.isError ? <Alert tone="error">{errorMessage(settings.error, t)}</Alert> : null}
      {settings.data ? <TelephonySettingsForm settings={settings.data} /> : null}
    </div>
  );
}
