import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Alert, StatusMessage } from '../../../../components/ui/Alert';
import { Button } from '../../../../components/ui/Button';
import type { MailCheck } from '../../api/settings';
import { useCheckMail } from '../../hooks/useMailSettings';

/** Tries the saved settings (the relay, or the bounce mailbox) and says what happened. */
export function ConnectionCheck({ what }: { what: MailCheck }) {
  const { t } = useTranslation();
  const check = useCheckMail();
  const result = check.data;
  const hintId = `mail-check-${what}-hint`;
  return (
    <div className="connection-check">
      <p id={hintId} className="field__hint">
        {t('email.settings.checkHint')}
      </p>
      <div className="form__actions">
        <Button
          variant="secondary"
          busy={check.isPending}
          aria-describedby={hintId}
          onClick={() => check.mutate(what)}
        >
          {check.isPending ? t('email.settings.checking') : t(`email.settings.check.${what}`)}
        </Button>
      </div>
      <StatusMessage
        message={result?.ok ? t('email.settings.checkOk', { message: result.message }) : undefined}
      />
      {result && !result.ok ? (
        <Alert tone="error" title={t(`email.settings.checkFailed.${what}`)}>
          <p>{result.message}</p>
        </Alert>
      ) : null}
      {check.isError ? <Alert tone="error">{errorMessage(check.error, t)}</Alert> : null}
    </div>
  );
}
