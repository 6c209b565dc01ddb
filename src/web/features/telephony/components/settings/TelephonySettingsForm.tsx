import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DTMF_MODES, type TelephonySettings } from '../../../../../shared/schemas/telephony.js';
import { useFormErrors } from '../../../../components/form/useFormErrors';
import { Alert, StatusMessage } from '../../../../components/ui/Alert';
import { Button } from '../../../../components/ui/Button';
import { Checkbox } from '../../../../components/ui/Checkbox';
import { ErrorSummary } from '../../../../components/ui/ErrorSummary';
import { SelectField } from '../../../../components/ui/SelectField';
import { TextField } from '../../../../components/ui/TextField';
import { useUpdateTelephonySettings } from '../../hooks/useTelephony';
import { IceServersFieldset } from './IceServersFieldset';
import {
  changesOf,
  dialExamples,
  flatValuesOf,
  formValuesOf,
  iceField,
  telephonyFormSchema,
  withFormPaths,
  type DialFormat,
  type DtmfMode,
  type IceRow,
  type TelephonyFormValues,
} from './telephonyForm';

const DIAL_FORMATS: readonly DialFormat[] = ['national', 'international', 'e164'];

type Text =
  | 'webSocketUrl'
  | 'sipDomain'
  | 'callerId'
  | 'countryCode'
  | 'internationalPrefix'
  | 'trunkPrefix'
  | 'localAreaCodes'
  | 'outsideLinePrefix'
  | 'extensionDelaySeconds'
  | 'testNumber';

/** The longest each prefix may be (digits), as the server holds them. */
const PREFIX_DIGITS = { internationalPrefix: 4, trunkPrefix: 2, outsideLinePrefix: 4 } as const;

/** The phone system, its ICE servers, the dial plan and how calls send keypad tones. */
export function TelephonySettingsForm({ settings }: { settings: TelephonySettings }) {
  const { t } = useTranslation();
  const save = useUpdateTelephonySettings();
  const [values, setValues] = useState<TelephonyFormValues>(() => formValuesOf(settings));
  const [saved, setSaved] = useState<string>();
  const label = (field: Text | 'enabled' | 'iceServers' | 'format' | 'dtmf') =>
    t(`telephony.settings.fields.${field}`);
  const iceLabels = Object.fromEntries(
    values.iceServers.flatMap((_, index) =>
      (['urls', 'username', 'credential'] as const).map((part) => [
        iceField(index, part),
        t(`telephony.settings.ice.${part}Of`, { number: index + 1 }),
      ]),
    ),
  );
  const iceMessages = Object.fromEntries(
    values.iceServers.map((_, index) => [
      iceField(index, 'urls'),
      t('telephony.settings.messages.iceUrls'),
    ]),
  );
  const digits = (field: keyof typeof PREFIX_DIGITS) =>
    t('telephony.settings.messages.digits', { count: PREFIX_DIGITS[field] });
  const form = useFormErrors<string>({
    idPrefix: 'telephony',
    labels: {
      enabled: label('enabled'),
      webSocketUrl: label('webSocketUrl'),
      sipDomain: label('sipDomain'),
      callerId: label('callerId'),
      iceServers: label('iceServers'),
      ...iceLabels,
      format: label('format'),
      countryCode: label('countryCode'),
      internationalPrefix: label('internationalPrefix'),
      trunkPrefix: label('trunkPrefix'),
      localAreaCodes: label('localAreaCodes'),
      outsideLinePrefix: label('outsideLinePrefix'),
      dtmf: label('dtmf'),
      extensionDelaySeconds: label('extensionDelaySeconds'),
      testNumber: label('testNumber'),
    },
    messages: {
      webSocketUrl: t('telephony.settings.messages.webSocketUrl'),
      sipDomain: t('telephony.settings.messages.sipDomain'),
      countryCode: t('telephony.settings.messages.countryCode'),
      internationalPrefix: digits('internationalPrefix'),
      trunkPrefix: digits('trunkPrefix'),
      outsideLinePrefix: digits('outsideLinePrefix'),
      localAreaCodes: t('telephony.settings.messages.localAreaCodes'),
      extensionDelaySeconds: t('telephony.settings.messages.extensionDelaySeconds'),
      ...iceMessages,
    },
  });
  const set = (patch: Partial<TelephonyFormValues>) => setValues((v) => ({ ...v, ...patch }));
  const text = (
    field: Text,
    extra: { hint?: string; type?: string; inputMode?: 'numeric' | 'tel' | 'url' } = {},
  ) => (
    <TextField
      id={form.fieldId(field)}
      label={label(field)}
      hint={extra.hint}
      type={extra.type ?? 'text'}
      inputMode={extra.inputMode}
      autoComplete="off"
      spellCheck={false}
      value={values[field]}
      onChange={(value) => set({ [field]: value })}
      error={form.errors[field]}
    />
  );
  const examples = dialExamples(values);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    setSaved(undefined);
    const input = form.validate(telephonyFormSchema, flatValuesOf(values));
    if (input === undefined) return;
    const changes = changesOf(settings, input);
    if (Object.keys(changes).length === 0) {
      setSaved(t('telephony.settings.unchanged'));
      return;
    }
    save.mutate(changes, {
      onSuccess: () => setSaved(t('telephony.settings.saved')),
      onError: (error) => form.showApiError(withFormPaths(error)),
    });
  };

  return (
    <>
      <ErrorSummary focusKey={form.failures} items={form.summaryItems} formError={form.formError} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <Checkbox
          id={form.fieldId('enabled')}
          label={label('enabled')}
          hint={t('telephony.settings.hints.enabled')}
          checked={values.enabled}
          onChange={(enabled) => set({ enabled })}
        />
        <fieldset className="fieldset">
          <legend className="field__label">{t('telephony.settings.legends.connection')}</legend>
          <div className="form">
            {text('webSocketUrl', {
              type: 'url',
              inputMode: 'url',
              hint: t('telephony.settings.hints.webSocketUrl'),
            })}
            {text('sipDomain', { hint: t('telephony.settings.hints.sipDomain') })}
            {text('callerId', {
              type: 'tel',
              inputMode: 'tel',
              hint: t('telephony.settings.hints.callerId'),
            })}
          </div>
        </fieldset>
        <IceServersFieldset
          rows={values.iceServers}
          onChange={(iceServers: IceRow[]) => set({ iceServers })}
          onRemoved={form.clear}
          fieldId={form.fieldId}
          errors={form.errors}
        />
        <fieldset className="fieldset" aria-describedby="telephony-dial-plan-lead">
          <legend className="field__label">{t('telephony.settings.legends.dialPlan')}</legend>
          <div className="form">
            <p id="telephony-dial-plan-lead" className="field__hint">
              {t('telephony.settings.dialPlanLead')}
            </p>
            <SelectField<DialFormat>
              id={form.fieldId('format')}
              label={label('format')}
              hint={t(`telephony.settings.formatHints.${values.format}`)}
              value={values.format}
              options={DIAL_FORMATS.map((format) => ({
                value: format,
                label: t(`telephony.settings.formats.${format}`),
              }))}
              onChange={(format) => set({ format })}
              error={form.errors.format}
            />
            {text('countryCode', {
              inputMode: 'numeric',
              hint: t('telephony.settings.hints.countryCode'),
            })}
            {text('internationalPrefix', {
              inputMode: 'numeric',
              hint: t('telephony.settings.hints.internationalPrefix'),
            })}
            {text('trunkPrefix', {
              inputMode: 'numeric',
              hint: t('telephony.settings.hints.trunkPrefix'),
            })}
            {text('localAreaCodes', { hint: t('telephony.settings.hints.localAreaCodes') })}
            {text('outsideLinePrefix', {
              inputMode: 'numeric',
              hint: t('telephony.settings.hints.outsideLinePrefix'),
            })}
            <Alert tone="info" title={t('telephony.settings.example.title')}>
              {examples === null ? (
                <p>{t('telephony.settings.example.invalid')}</p>
              ) : (
                <ul className="plain-list">
                  {examples.map((example) => (
                    <li key={example.number}>
                      {t('telephony.settings.example.line', {
                        number: example.number,
                        dialled: example.dialled,
                      })}
                    </li>
                  ))}
                </ul>
              )}
            </Alert>
          </div>
        </fieldset>
        <fieldset className="fieldset">
          <legend className="field__label">{t('telephony.settings.legends.calls')}</legend>
          <div className="form">
            <SelectField<DtmfMode>
              id={form.fieldId('dtmf')}
              label={label('dtmf')}
              hint={t('telephony.settings.hints.dtmf')}
              value={values.dtmf}
              options={DTMF_MODES.map((mode) => ({
                value: mode,
                label: t(`telephony.settings.dtmfModes.${mode}`),
              }))}
              onChange={(dtmf) => set({ dtmf })}
              error={form.errors.dtmf}
            />
            <TextField
              id={form.fieldId('extensionDelaySeconds')}
              label={label('extensionDelaySeconds')}
              hint={t('telephony.settings.hints.extensionDelaySeconds')}
              type="number"
              inputMode="numeric"
              min={0}
              max={30}
              step={1}
              value={values.extensionDelaySeconds}
              onChange={(extensionDelaySeconds) => set({ extensionDelaySeconds })}
              error={form.errors.extensionDelaySeconds}
            />
            {text('testNumber', { hint: t('telephony.settings.hints.testNumber') })}
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
