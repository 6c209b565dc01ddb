import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../../../shared/roles.js';
import { updateOwnSettingsInput, type User } from '../../../../shared/schemas/users.js';
import { uiLanguageOptions } from '../../../components/form/options';
import { useFormErrors } from '../../../components/form/useFormErrors';
import { StatusMessage } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { CheckboxGroup } from '../../../components/ui/CheckboxGroup';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { SelectField } from '../../../components/ui/SelectField';
import { TextField } from '../../../components/ui/TextField';
import { useUpdateOwnSettings } from '../hooks/useSettings';
import { COMMON_CALL_LANGUAGES, languageName } from './callLanguages';

export function ProfileForm({ user }: { user: User }) {
  const { t, i18n } = useTranslation();
  const update = useUpdateOwnSettings();
  const [name, setName] = useState(user.name);
  const [language, setLanguage] = useState<UiLanguage>(user.language);
  const [callLanguages, setCallLanguages] = useState<string[]>(user.callLanguages);
  const [saved, setSaved] = useState<string>();
  // The header's language switch saves too: follow it rather than undo it on the next save.
  const [seenLanguage, setSeenLanguage] = useState(user.language);
  if (user.language !== seenLanguage) {
    setSeenLanguage(user.language);
    setLanguage(user.language);
  }
  const form = useFormErrors({
    idPrefix: 'profile',
    labels: {
      name: t('settings.profile.name'),
      language: t('settings.profile.language'),
      callLanguages: t('settings.profile.callLanguages'),
    },
  });
  const codes = [...new Set([...COMMON_CALL_LANGUAGES, ...user.callLanguages])];
  const callOptions = codes.map((code) => ({
    value: code,
    label: languageName(code, i18n.language),
  }));

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (update.isPending) return;
    setSaved(undefined);
    const input = form.validate(updateOwnSettingsInput, { name, language, callLanguages });
    if (input === undefined) return;
    update.mutate(input, {
      // In the language just chosen: i18next has switched by the time this text is made.
      onSuccess: () => setSaved(t('settings.profile.saved', { lng: language })),
      onError: (error) => form.showApiError(error),
    });
  };

  return (
    <section className="card" aria-labelledby="profile-title">
      <h2 id="profile-title">{t('settings.profile.title')}</h2>
      <ErrorSummary focusKey={form.failures} items={form.summaryItems} formError={form.formError} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <TextField
          id={form.fieldId('name')}
          label={t('settings.profile.name')}
          hint={t('settings.profile.nameHint')}
          autoComplete="name"
          value={name}
          onChange={setName}
          error={form.errors.name}
        />
        <SelectField
          id={form.fieldId('language')}
          label={t('settings.profile.language')}
          value={language}
          options={uiLanguageOptions(t)}
          onChange={setLanguage}
          error={form.errors.language}
        />
        <CheckboxGroup
          id={form.fieldId('callLanguages')}
          legend={t('settings.profile.callLanguages')}
          hint={t('settings.profile.callLanguagesHint')}
          options={callOptions}
          values={callLanguages}
          onChange={setCallLanguages}
          error={form.errors.callLanguages}
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
