import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CALL_SCHEMES, type CallScheme } from '../../../../shared/schemas/calls.js';
import type { User } from '../../../../shared/schemas/users.js';
import { errorMessage } from '../../../components/form/errorMessage';
import { Alert, StatusMessage } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { SelectField } from '../../../components/ui/SelectField';
import { useUpdateOwnSettings } from '../hooks/useSettings';

/** Which softphone opens when a caller clicks a patron's number. */
export function CallingForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const update = useUpdateOwnSettings();
  const [scheme, setScheme] = useState<CallScheme>(user.callScheme);
  const [saved, setSaved] = useState<string>();
  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (update.isPending) return;
    setSaved(undefined);
    update.mutate(
      { callScheme: scheme },
      { onSuccess: () => setSaved(t('settings.calling.saved')) },
    );
  };
  return (
    <section className="card" aria-labelledby="calling-settings-title">
      <h2 id="calling-settings-title">{t('settings.calling.title')}</h2>
      <p>{t('settings.calling.lead')}</p>
      {update.isError ? <Alert tone="error">{errorMessage(update.error, t)}</Alert> : null}
      <form className="form" noValidate onSubmit={onSubmit}>
        <SelectField
          id="calling-scheme"
          label={t('settings.calling.scheme')}
          hint={t('settings.calling.schemeHint')}
          value={scheme}
          options={CALL_SCHEMES.map((s) => ({
            value: s,
            label: t(`settings.calling.schemes.${s}`),
          }))}
          onChange={setScheme}
        />
        <div className="form__actions">
          <Button type="submit" variant="secondary" busy={update.isPending}>
            {update.isPending ? t('common.saving') : t('settings.calling.submit')}
          </Button>
        </div>
        <StatusMessage message={saved} />
      </form>
    </section>
  );
}
