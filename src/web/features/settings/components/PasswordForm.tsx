import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH } from '../../../../shared/roles.js';
import { changePasswordInput } from '../../../../shared/schemas/users.js';
import { useFormErrors } from '../../../components/form/useFormErrors';
import { StatusMessage } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { TextField } from '../../../components/ui/TextField';
import { useChangeOwnPassword } from '../hooks/useSettings';

export function PasswordForm({ email }: { email: string }) {
  const { t } = useTranslation();
  const change = useChangeOwnPassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [done, setDone] = useState<string>();
  const form = useFormErrors({
    idPrefix: 'password',
    labels: {
      currentPassword: t('settings.password.current'),
      newPassword: t('settings.password.new'),
    },
    // The server names the new password `password` when it is too easy to guess.
    serverFields: { password: 'newPassword' },
  });

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (change.isPending) return;
    setDone(undefined);
    const input = form.validate(changePasswordInput, { currentPassword, newPassword });
    if (input === undefined) return;
    change.mutate(input, {
      onSuccess: () => {
        setCurrentPassword('');
        setNewPassword('');
        setDone(t('settings.password.done'));
      },
      onError: (error) => form.showApiError(error),
    });
  };

  return (
    <section className="card" aria-labelledby="password-title">
      <h2 id="password-title">{t('settings.password.title')}</h2>
      <p>{t('settings.password.lead')}</p>
      <ErrorSummary focusKey={form.failures} items={form.summaryItems} formError={form.formError} />
      <form className="form" noValidate onSubmit={onSubmit}>
        {/* Lets password managers file the new password under the right account. */}
        <input type="text" name="username" autoComplete="username" value={email} readOnly hidden />
        <TextField
          id={form.fieldId('currentPassword')}
          label={t('settings.password.current')}
          type="password"
          autoComplete="current-password"
          value={currentPassword}
          onChange={setCurrentPassword}
          error={form.errors.currentPassword}
        />
        <TextField
          id={form.fieldId('newPassword')}
          label={t('settings.password.new')}
          type="password"
          autoComplete="new-password"
          hint={t('staff.passwordHint', { count: PASSWORD_MIN_LENGTH })}
          value={newPassword}
          onChange={setNewPassword}
          error={form.errors.newPassword}
        />
        <div className="form__actions">
          <Button type="submit" variant="secondary" busy={change.isPending}>
            {change.isPending ? t('common.saving') : t('settings.password.submit')}
          </Button>
        </div>
        <StatusMessage message={done} />
      </form>
    </section>
  );
}
