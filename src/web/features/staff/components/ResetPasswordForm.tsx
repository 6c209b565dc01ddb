import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { PASSWORD_MIN_LENGTH } from '../../../../shared/roles.js';
import { passwordSchema, type User } from '../../../../shared/schemas/users.js';
import { useFormErrors } from '../../../components/form/useFormErrors';
import { StatusMessage } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { TextField } from '../../../components/ui/TextField';
import { useUpdateStaffMember } from '../hooks/useStaff';

const resetInput = z.object({ password: passwordSchema });

/** For someone who forgot their password: the admin sets a new one and tells them directly. */
export function ResetPasswordForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const update = useUpdateStaffMember(user.id);
  const [password, setPassword] = useState('');
  const [done, setDone] = useState<string>();
  const form = useFormErrors({
    idPrefix: 'staff-reset',
    labels: { password: t('staff.reset.newPassword') },
  });

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (update.isPending) return;
    setDone(undefined);
    const input = form.validate(resetInput, { password });
    if (input === undefined) return;
    update.mutate(input, {
      onSuccess: () => {
        setPassword('');
        setDone(t('staff.reset.done', { name: user.name }));
      },
      onError: (error) => form.showApiError(error),
    });
  };

  return (
    <section className="card" aria-labelledby="staff-reset-title">
      <h2 id="staff-reset-title">{t('staff.reset.title')}</h2>
      <p>{t('staff.reset.lead')}</p>
      <ErrorSummary focusKey={form.failures} items={form.summaryItems} formError={form.formError} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <TextField
          id={form.fieldId('password')}
          label={t('staff.reset.newPassword')}
          type="password"
          autoComplete="new-password"
          hint={t('staff.initialPasswordHint', { count: PASSWORD_MIN_LENGTH })}
          value={password}
          onChange={setPassword}
          error={form.errors.password}
        />
        <div className="form__actions">
          <Button type="submit" variant="secondary" busy={update.isPending}>
            {update.isPending ? t('common.saving') : t('staff.reset.submit')}
          </Button>
        </div>
        <StatusMessage message={done} />
      </form>
    </section>
  );
}
