import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Alert, StatusMessage } from '../../../../components/ui/Alert';
import { Button } from '../../../../components/ui/Button';
import { Checkbox } from '../../../../components/ui/Checkbox';
import { useUpdateMailSettings } from '../../hooks/useMailSettings';

/**
 * The library's policy on promotional e-mail (TRUST CA-3): whether active cardholders count as
 * having implied consent, or only patrons whose consent was recorded get promotional templates.
 */
export function ConsentPolicyForm({
  impliedConsentForActive,
}: {
  impliedConsentForActive: boolean;
}) {
  const { t } = useTranslation();
  const save = useUpdateMailSettings();
  const [implied, setImplied] = useState(impliedConsentForActive);
  const [saved, setSaved] = useState<string>();
  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    setSaved(undefined);
    save.mutate(
      { impliedConsentForActive: implied },
      { onSuccess: () => setSaved(t('email.settings.saved')) },
    );
  };
  return (
    <section className="card" aria-labelledby="mail-consent-title">
      <h2 id="mail-consent-title">{t('email.settings.consentTitle')}</h2>
      {save.isError ? <Alert tone="error">{errorMessage(save.error, t)}</Alert> : null}
      <form className="form" noValidate onSubmit={onSubmit}>
        <Checkbox
          id="mail-impliedConsentForActive"
          label={t('email.settings.impliedConsent')}
          hint={t('email.settings.impliedConsentHint')}
          checked={implied}
          onChange={setImplied}
        />
        <div className="form__actions">
          <Button type="submit" busy={save.isPending}>
            {save.isPending ? t('common.saving') : t('common.save')}
          </Button>
        </div>
        <StatusMessage message={saved} />
      </form>
    </section>
  );
}
