import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCurrentUser } from '../../../app/session';
import { Alert } from '../../../components/ui/Alert';
import { useMailStatus } from '../hooks/useMailSettings';

/**
 * Says plainly, on every e-mail page, when nothing is really sent: with no relay configured the
 * messages are only written as files. Not an alert: it stays until the relay is set up.
 */
export function MailModeNotice({ withLink = true }: { withLink?: boolean }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const status = useMailStatus();
  if (status.data?.mode !== 'log') return null;
  return (
    <Alert tone="info" title={t('email.logMode.title')}>
      <p>
        {t('email.logMode.text', { logDir: status.data.logDir ?? t('email.logMode.dataDir') })}
        {withLink && user.role === 'admin' ? (
          <>
            {' '}
            <Link to="/settings/mail">{t('email.logMode.settingsLink')}</Link>
          </>
        ) : null}
      </p>
    </Alert>
  );
}
