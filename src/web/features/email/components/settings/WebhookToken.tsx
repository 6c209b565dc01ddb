import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Alert, StatusMessage } from '../../../../components/ui/Alert';
import { Button } from '../../../../components/ui/Button';
import { ConfirmDialog } from '../../../../components/ui/ConfirmDialog';
import { TextField } from '../../../../components/ui/TextField';
import { useCreateWebhookToken } from '../../hooks/useMailSettings';

/**
 * The address a mail service posts its bounce reports to. A new token replaces the old one and is
 * shown only here and now: the server keeps only a hash of it.
 */
export function WebhookToken({ tokenSet }: { tokenSet: boolean }) {
  const { t } = useTranslation();
  const create = useCreateWebhookToken();
  const [asking, setAsking] = useState(false);
  const [copied, setCopied] = useState<string>();
  const made = create.data;
  const make = () => {
    setCopied(undefined);
    create.mutate(undefined, { onSettled: () => setAsking(false) });
  };
  const copy = (what: 'url' | 'token', value: string) => {
    navigator.clipboard.writeText(value).then(
      () => setCopied(t(`email.webhook.copied.${what}`)),
      () => setCopied(t('email.webhook.copyFailed')),
    );
  };
  return (
    <section className="card" aria-labelledby="mail-webhook-title">
      <h2 id="mail-webhook-title">{t('email.webhook.title')}</h2>
      <p>{t('email.webhook.lead')}</p>
      <p className="muted">{tokenSet ? t('email.webhook.isSet') : t('email.webhook.notSet')}</p>
      {create.isError ? <Alert tone="error">{errorMessage(create.error, t)}</Alert> : null}
      {made ? (
        <Alert tone="success" title={t('email.webhook.madeTitle')}>
          <p>{t('email.webhook.madeText')}</p>
          <div className="form">
            {(['url', 'token'] as const).map((what) => (
              <div key={what} className="copy-field">
                <TextField
                  id={`webhook-${what}`}
                  label={t(`email.webhook.${what}`)}
                  value={made[what]}
                  onChange={() => undefined}
                  readOnly
                  spellCheck={false}
                />
                <Button variant="secondary" onClick={() => copy(what, made[what])}>
                  {t(`email.webhook.copy.${what}`)}
                </Button>
              </div>
            ))}
          </div>
        </Alert>
      ) : null}
      <StatusMessage message={copied} />
      <div className="form__actions">
        <Button
          variant="secondary"
          busy={create.isPending}
          onClick={() => (tokenSet || made ? setAsking(true) : make())}
        >
          {t('email.webhook.create')}
        </Button>
      </div>
      <ConfirmDialog
        open={asking}
        title={t('email.webhook.confirmTitle')}
        confirmLabel={t('email.webhook.create')}
        tone="danger"
        busy={create.isPending}
        onCancel={() => setAsking(false)}
        onConfirm={make}
      >
        <p>{t('email.webhook.confirmText')}</p>
      </ConfirmDialog>
    </section>
  );
}
