import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../../../../api/client';
import { isUiLanguage, showLanguage } from '../../../../app/i18n';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Alert, Loading } from '../../../../components/ui/Alert';
import { Button } from '../../../../components/ui/Button';
import { PageHeading } from '../../../../components/ui/PageHeading';
import { useUnsubscribe, useUnsubscribeInfo } from '../../hooks/useUnsubscribe';
import '../../../../styles/email.css';

/** A link the server does not know (mistyped, cut short, or from a removed address). */
function isUnknownLink(error: unknown): boolean {
  return isApiError(error) && error.status >= 400 && error.status < 500;
}

/**
 * The patron's own page, from the link in a promotional e-mail, with no sign-in: one button, and
 * a plain answer. In the patron's language to begin with; the header switch changes it.
 */
export function UnsubscribePage() {
  const { t } = useTranslation();
  const token = useParams().token ?? '';
  const info = useUnsubscribeInfo(token);
  const unsubscribe = useUnsubscribe(token);
  const doneRef = useRef<HTMLDivElement>(null);
  const language = info.data?.language;

  // The patron's language once, when it is known; their own switch wins after that.
  useEffect(() => {
    if (isUiLanguage(language)) void showLanguage(language);
  }, [language]);
  useEffect(() => {
    if (unsubscribe.isSuccess) doneRef.current?.focus();
  }, [unsubscribe.isSuccess]);

  if (info.isPending) return <Loading label={t('app.loading')} />;
  if (info.isError) {
    const unknown = isUnknownLink(info.error);
    return (
      <div className="narrow">
        <PageHeading
          title={unknown ? t('email.unsubscribe.invalidTitle') : t('email.unsubscribe.title')}
        />
        {unknown ? (
          <p>{t('email.unsubscribe.invalidText')}</p>
        ) : (
          <Alert tone="error">{errorMessage(info.error, t)}</Alert>
        )}
      </div>
    );
  }
  const { libraryName, maskedAddress, unsubscribed } = info.data;
  return (
    <div className="narrow unsubscribe">
      <PageHeading title={t('email.unsubscribe.title')} />
      {unsubscribe.isSuccess ? (
        <div ref={doneRef} tabIndex={-1} role="status" className="alert alert--success">
          <p className="alert__title">{t('email.unsubscribe.doneTitle')}</p>
          <p>{t('email.unsubscribe.done', { library: libraryName })}</p>
        </div>
      ) : unsubscribed ? (
        <Alert tone="info" title={t('email.unsubscribe.alreadyTitle')}>
          <p>{t('email.unsubscribe.already', { library: libraryName, address: maskedAddress })}</p>
        </Alert>
      ) : (
        <>
          <p>{t('email.unsubscribe.text', { library: libraryName, address: maskedAddress })}</p>
          {unsubscribe.isError ? (
            <Alert tone="error">{errorMessage(unsubscribe.error, t)}</Alert>
          ) : null}
          <p>
            <Button busy={unsubscribe.isPending} onClick={() => unsubscribe.mutate()}>
              {unsubscribe.isPending ? t('email.unsubscribe.busy') : t('email.unsubscribe.button')}
            </Button>
          </p>
          <p className="muted">{t('email.unsubscribe.note', { library: libraryName })}</p>
        </>
      )}
    </div>
  );
}
