import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PASSWORD_MIN_LENGTH, type Role, type UiLanguage } from '../../../../shared/roles.js';
import { createUserInput } from '../../../../shared/schemas/users.js';
import { roleOptions, uiLanguageOptions } from '../../../components/form/options';
import { useFormErrors } from '../../../components/form/useFormErrors';
import { Button } from '../../../components/ui/Button';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { PageHeading } from '../../../components/ui/PageHeading';
import { SelectField } from '../../../components/ui/SelectField';
import { TextField } from '../../../components/ui/TextField';
import { useCreateStaffMember } from '../hooks/useStaff';
import type { StaffFlash } from './flash';

export function CreateStaffPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateStaffMember();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('caller');
  const [language, setLanguage] = useState<UiLanguage>('en');
  const [password, setPassword] = useState('');
  const form = useFormErrors({
    idPrefix: 'new-staff',
    labels: {
      name: t('staff.fields.name'),
      email: t('staff.fields.email'),
      role: t('staff.fields.role'),
      language: t('staff.fields.language'),
      password: t('staff.fields.initialPassword'),
    },
  });

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (create.isPending) return;
    const input = form.validate(createUserInput, { name, email, role, language, password });
    if (input === undefined) return;
    create.mutate(input, {
      onSuccess: (user) => {
        const state: StaffFlash = { created: user.name };
        void navigate('/staff', { state });
      },
      onError: (error) => form.showApiError(error),
    });
  };

  return (
    <div className="narrow">
      <PageHeading title={t('staff.create.title')} lead={<p>{t('staff.create.lead')}</p>} />
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
        <TextField
          id={form.fieldId('password')}
          label={t('staff.fields.initialPassword')}
          type="password"
          autoComplete="new-password"
          hint={t('staff.initialPasswordHint', { count: PASSWORD_MIN_LENGTH })}
          value={password}
          onChange={setPassword}
          error={form.errors.password}
        />
        <div className="form__actions">
          <Button type="submit" busy={create.isPending}>
            {create.isPending ? t('common.saving') : t('staff.create.submit')}
          </Button>
          <Link to="/staff">{t('common.cancel')}</Link>
        </div>
      </form>
    </div>
  );
}
