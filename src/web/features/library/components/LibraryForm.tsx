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

/** The follow-up settings typed as numbers, with the bounds the server holds them to. */
const NUMBERS = {
  urgentAcknowledgeMinutes: { min: 5, max: 1440 },
  missedCallsBeforeEscalation: { min: 1, max: 10 },
  taskDueDays: { min: 0, max: 60 },
  sensitiveNotesRetentionDays: { min: 30, max: 3650 },
} as const;
type NumberField = keyof typeof NUMBERS;
const NUMBER_FIELDS = Object.keys(NUMBERS) as NumberField[];

/** A number as typed: empty text is left empty (reported as missing), not turned into 0. */
function numberOf(text: string): number | undefined {
  return text.trim() === '' ? undefined : Number(text);
}

export function LibraryForm({ library }: { library: LibrarySettings }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [values, setValues] = useState(library);
  const known = (ZONES as readonly string[]).includes(library.timeZone);
  const [zoneChoice, setZoneChoice] = useState<string>(known ? library.timeZone : OTHER);
  const [saved, setSaved] = useState<string>();
  const [numbers, setNumbers] = useState<Record<NumberField, string>>({
    urgentAcknowledgeMinutes: String(library.urgentAcknowledgeMinutes),
    missedCallsBeforeEscalation: String(library.missedCallsBeforeEscalation),
    taskDueDays: String(library.taskDueDays),
    sensitiveNotesRetentionDays: String(library.sensitiveNotesRetentionDays),
  });
  const rangeMessage = (field: NumberField) => t('library.numberRange', NUMBERS[field]);
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
      'emergencyGuidance.en': t('library.fields.emergencyGuidanceEn'),
      'emergencyGuidance.fr': t('library.fields.emergencyGuidanceFr'),
      urgentAcknowledgeMinutes: t('library.fields.urgentAcknowledgeMinutes'),
      missedCallsBeforeEscalation: t('library.fields.missedCallsBeforeEscalation'),
      taskDueDays: t('library.fields.taskDueDays'),
      sensitiveNotesRetentionDays: t('library.fields.sensitiveNotesRetentionDays'),
    },
    messages: {
      urgentAcknowledgeMinutes: rangeMessage('urgentAcknowledgeMinutes'),
      missedCallsBeforeEscalation: rangeMessage('missedCallsBeforeEscalation'),
      taskDueDays: rangeMessage('taskDueDays'),
      sensitiveNotesRetentionDays: rangeMessage('sensitiveNotesRetentionDays'),
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
    const typed = Object.fromEntries(NUMBER_FIELDS.map((f) => [f, numberOf(numbers[f])]));
    const input = form.validate(librarySettingsSchema, { ...values, ...typed });
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
        <fieldset className="fieldset" aria-describedby="library-followups-lead">
          <legend className="field__label">{t('library.followUps.legend')}</legend>
          <div className="form">
            <p id="library-followups-lead" className="field__hint">
              {t('library.followUps.lead')}
            </p>
            {(['en', 'fr'] as const).map((language) => (
              <TextArea
                key={language}
                id={form.fieldId(`emergencyGuidance.${language}`)}
                label={
                  language === 'en'
                    ? t('library.fields.emergencyGuidanceEn')
                    : t('library.fields.emergencyGuidanceFr')
                }
                hint={t('library.emergencyGuidanceHint')}
                lang={language}
                rows={4}
                maxLength={2000}
                value={values.emergencyGuidance[language]}
                onChange={(text) =>
                  set({ emergencyGuidance: { ...values.emergencyGuidance, [language]: text } })
                }
                error={form.errors[`emergencyGuidance.${language}`]}
              />
            ))}
            {NUMBER_FIELDS.map((field) => (
              <TextField
                key={field}
                id={form.fieldId(field)}
                label={t(`library.fields.${field}`)}
                hint={`${t(`library.hints.${field}`)} ${rangeMessage(field)}`}
                type="number"
                inputMode="numeric"
                min={NUMBERS[field].min}
                max={NUMBERS[field].max}
                step={1}
                value={numbers[field]}
                onChange={(text) => setNumbers((n) => ({ ...n, [field]: text }))}
                error={form.errors[field]}
              />
            ))}
          </div>
        </fieldset>
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
