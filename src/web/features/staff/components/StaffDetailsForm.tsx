import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role, UiLanguage } from '../../../../shared/roles.js';
import { updateUserInput, type User } from '../../../../shared/schemas/users.js';
import { roleOptions, uiLanguageOptions } from '../../../components/form/options';
import { useFormErrors } from '../../../components/form/useFormErrors';
import { StatusMessage } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { SelectField } from '../../../components/ui/SelectField';
import { TextField } from '../../../components/ui/TextField';
import { useUpdateStaffMember } from '../hooks/useStaff';

export function StaffDetailsForm({ user }: { user: User }) {
  const { t } = useTranslation();
  const update = useUpdateStaffMember(user.id);
  const [name, setName] = useState(user.name);
  const [email, setEmail] = useState(user.email);
  const [role, setRole] = useState<Role>(user.role);
  const [language, setLanguage] = useState<UiLanguage>(user.language);
  const [saved, setSaved] = useState<string>();
  const form = useFormErrors({
    idPrefix: 'staff-details',
    labels: {
      name: t('staff.fields.name'),
      email: t('staff.fields.email'),
      role: t('staff.fields.role'),
      language: t('staff.fields.language'),
    },
  });

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (update.isPending) return;
    setSaved(undefined);
    const input = form.validate(updateUserInput, { name, email, role, language });
    if (input === undefined) return;
    update.mutate(input, {
      onSuccess: () => setSaved(t('common.saved')),
      onError: (error) => form.showApiError(error),
    });
  };

  return (
    <section className="card" aria-labelledby="staff-details-title">
      <h2 id="staff-details-title">{t('staff.edit.detailsTitle')}</h2>
      <ErrorSummary focusKey={form.failures} items={form.summaryItems} formError={form.formError} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <TextField
          id={form.fieldId('name')}
          label={t('staff.fields.name')}
          autoComplete="off"
          value={name}
          onChange={setName}
          error={form.errors.name}
        />
        <TextField
          id={form.fieldId('email')}
          label={t('staff.fields.email')}
          type="email"
          autoComplete="off"
          spellCheck={false}
          value={email}
          onChange={setEmail}
          error={form.errors.email}
        />
        <SelectField
          id={form.fieldId('role')}
          label={t('staff.fields.role')}
          hint={t(`staff.roleHints.${role}`)}
          value={role}
          options={roleOptions(t)}
          onChange={setRole}
          error={form.errors.role}
        />
        <SelectField
          id={form.fieldId('language')}
          label={t('staff.fields.language')}
          value={language}
          options={uiLanguageOptions(t)}
          onChange={setLanguage}
          error={form.errors.language}
        />
        <div className="form__actions">
          <Button type="submit" busy={update.isPending}>
            {update.isPending ? t('common.saving') : t('common.save')}
          </Button>
        </div>
        <StatusMessage message={saved} />
      </form>
    </section>
  );
}
