import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { librarySettingsSchema, type LibrarySettings } from '../../../../shared/schemas/library.js';
import { api } from '../../../api/client';
import { catalogueKeys } from '../../../app/catalogue';
import { uiLanguageOptions } from '../../../components/form/options';
import { useFormErrors } from '../../../components/form/useFormErrors';
import { StatusMessage } from '../../../components/ui/Alert';
import { Button } from '../../../components/ui/Button';
import { ErrorSummary } from '../../../components/ui/ErrorSummary';
import { SelectField } from '../../../components/ui/SelectField';
import { TextArea } from '../../../components/ui/TextArea';
import { TextField } from '../../../components/ui/TextField';

/** Canadian time zones, west to east; any other IANA zone can be typed under "Other". */
const ZONES = [
  'America/Vancouver',
  'America/Edmonton',
  'America/Regina',
  'America/Winnipeg',
  'America/Toronto',
  'America/Halifax',
  'America/St_Johns',
] as const;
const OTHER = 'other';

export function LibraryForm({ library }: { library: LibrarySettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(library);
  const known = (ZONES as readonly string[]).includes(library.timeZone);
  const [zoneChoice, setZoneChoice] = useState<string>(known ? library.timeZone : OTHER);
  const [saved, setSaved] = useState<string>();
  const form = useFormErrors({
    idPrefix: 'library',
    labels: {
      name: t('library.fields.name'),
      callbackNumber: t('library.fields.callbackNumber'),
      address: t('library.fields.address'),
      contactEmail: t('library.fields.contactEmail'),
      website: t('library.fields.website'),
      timeZone: t('library.fields.timeZone'),
      defaultLanguage: t('library.fields.defaultLanguage'),
    },
  });
  const save = useMutation({
    mutationFn: (body: LibrarySettings) => api.patch<LibrarySettings>('/api/library', body),
    onSuccess: (result) => queryClient.setQueryData(catalogueKeys.library, result),
  });
  const set = (patch: Partial<LibrarySettings>) => setValues((v) => ({ ...v, ...patch }));
  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    setSaved(undefined);
    const input = form.validate(librarySettingsSchema, values);
    if (input === undefined) return;
    save.mutate(input, {
      onSuccess: () => setSaved(t('common.saved')),
      onError: (error) => form.showApiError(error),
    });
  };
  const text = (field: 'name' | 'callbackNumber' | 'contactEmail' | 'website', type = 'text') => (
    <TextField
      id={form.fieldId(field)}
      label={t(`library.fields.${field}`)}
      hint={field === 'callbackNumber' ? t('library.callbackHint') : undefined}
      type={type}
      autoComplete="off"
      value={values[field]}
      onChange={(value) => set({ [field]: value })}
      error={form.errors[field]}
    />
  );
  return (
    <>
      <ErrorSummary focusKey={form.failures} items={form.summaryItems} formError={form.formError} />
      <form className="form" noValidate onSubmit={onSubmit}>
        {text('name')}
        {text('callbackNumber', 'tel')}
        <TextArea
          id={form.fieldId('address')}
          label={t('library.fields.address')}
          value={values.address}
          onChange={(address) => set({ address })}
          error={form.errors.address}
        />
        {text('contactEmail', 'email')}
        {text('website', 'url')}
        <SelectField
          id="library-zone-choice"
          label={t('library.fields.timeZone')}
          value={zoneChoice}
          options={[
            ...ZONES.map((zone) => ({ value: zone, label: t(`library.zones.${zone}`) })),
            { value: OTHER, label: t('library.otherZone') },
          ]}
          onChange={(choice) => {
            setZoneChoice(choice);
            if (choice !== OTHER) set({ timeZone: choice });
          }}
        />
        {zoneChoice === OTHER ? (
          <TextField
            id={form.fieldId('timeZone')}
            label={t('library.fields.otherZone')}
            hint={t('library.otherZoneHint')}
            autoComplete="off"
            spellCheck={false}
            value={values.timeZone}
            onChange={(timeZone) => set({ timeZone })}
            error={form.errors.timeZone}
          />
        ) : null}
        <SelectField
          id={form.fieldId('defaultLanguage')}
          label={t('library.fields.defaultLanguage')}
          value={values.defaultLanguage === 'fr' ? 'fr' : 'en'}
          options={uiLanguageOptions(t)}
          onChange={(defaultLanguage) => set({ defaultLanguage })}
          error={form.errors.defaultLanguage}
        />
        <div className="form__actions">
          <Button type="submit" busy={save.isPending}>
            {save.isPending ? t('common.saving') : t('common.save')}
          </Button>
        </div>
        <StatusMessage message={saved} />
      </form>
    </>
  );
}
