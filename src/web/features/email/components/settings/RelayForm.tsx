import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  SECURITY_MODES,
  updateMailSettingsInput,
  type MailSettings,
} from '../../../../../shared/schemas/email.js';
import { useFormErrors } from '../../../../components/form/useFormErrors';
import { StatusMessage } from '../../../../components/ui/Alert';
import { Button } from '../../../../components/ui/Button';
import { ErrorSummary } from '../../../../components/ui/ErrorSummary';
import { SelectField } from '../../../../components/ui/SelectField';
import { TextField } from '../../../../components/ui/TextField';
import { useUpdateMailSettings } from '../../hooks/useMailSettings';
import { ConnectionCheck } from './ConnectionCheck';
import { USUAL_PORTS, always, numberOf, passwordToSend, type Security } from './mailForm';
import { PasswordField } from './PasswordField';

/** With a relay, it needs a host to connect to and an address to send from. */
const relaySchema = updateMailSettingsInput
  .omit({ bounces: true })
  .refine((v) => v.mode !== 'smtp' || (v.host ?? '') !== '', { path: ['host'], when: always })
  .refine((v) => v.mode !== 'smtp' || (v.fromAddress ?? '') !== '', {
    path: ['fromAddress'],
    when: always,
  });

type Text = 'host' | 'port' | 'username' | 'fromName' | 'fromAddress' | 'replyTo';
type Count = 'connections' | 'perMinute' | 'perDay';

/** How mail leaves: written to files (log) or handed to the library's relay (SMTP). */
export function RelayForm({ settings }: { settings: MailSettings }) {
  const { t } = useTranslation();
  const save = useUpdateMailSettings();
  const [mode, setMode] = useState(settings.mode);
  const [security, setSecurity] = useState<Security>(settings.security);
  const [texts, setTexts] = useState<Record<Text | Count, string>>({
    host: settings.host,
    port: String(settings.port),
    username: settings.username,
    fromName: settings.fromName,
    fromAddress: settings.fromAddress,
    replyTo: settings.replyTo,
    connections: String(settings.connections),
    perMinute: String(settings.perMinute),
    perDay: String(settings.perDay),
  });
  const [password, setPassword] = useState('');
  const [removePassword, setRemovePassword] = useState(false);
  const [saved, setSaved] = useState<string>();
  const label = (field: Text | Count | 'mode' | 'security' | 'password') =>
    t(`email.settings.fields.${field}`);
  const form = useFormErrors({
    idPrefix: 'mail',
    labels: {
      mode: label('mode'),
      host: label('host'),
      port: label('port'),
      security: label('security'),
      username: label('username'),
      password: label('password'),
      fromName: label('fromName'),
      fromAddress: label('fromAddress'),
      replyTo: label('replyTo'),
      connections: label('connections'),
      perMinute: label('perMinute'),
      perDay: label('perDay'),
    },
  });
  const set = (field: Text | Count) => (value: string) =>
    setTexts((v) => ({ ...v, [field]: value }));
  const text = (field: Text | Count, extra: { type?: string; hint?: string } = {}) => (
    <TextField
      id={form.fieldId(field)}
      label={label(field)}
      type={extra.type ?? 'text'}
      hint={extra.hint}
      autoComplete="off"
      spellCheck={false}
      inputMode={
        ['port', 'connections', 'perMinute', 'perDay'].includes(field) ? 'numeric' : undefined
      }
      value={texts[field]}
      onChange={set(field)}
      error={form.errors[field]}
    />
  );

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    setSaved(undefined);
    const input = form.validate(relaySchema, {
      mode,
      security,
      host: texts.host.trim(),
      port: numberOf(texts.port),
      username: texts.username,
      password: passwordToSend(password, removePassword),
      fromName: texts.fromName,
      fromAddress: texts.fromAddress.trim(),
      replyTo: texts.replyTo.trim(),
      connections: numberOf(texts.connections),
      perMinute: numberOf(texts.perMinute),
      perDay: numberOf(texts.perDay),
    });
    if (input === undefined) return;
    save.mutate(input, {
      onSuccess: () => {
        setPassword('');
        setRemovePassword(false);
        setSaved(t('email.settings.saved'));
      },
      onError: (error) => form.showApiError(error),
    });
  };

  return (
    <section className="card" aria-labelledby="mail-relay-title">
      <h2 id="mail-relay-title">{t('email.settings.relayTitle')}</h2>
      <ErrorSummary focusKey={form.failures} items={form.summaryItems} formError={form.formError} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <SelectField
          id={form.fieldId('mode')}
          label={t('email.settings.fields.mode')}
          hint={t(`email.settings.modeHint.${mode}`)}
          value={mode}
          options={(['log', 'smtp'] as const).map((m) => ({
            value: m,
            label: t(`email.settings.mode.${m}`),
          }))}
          onChange={setMode}
          error={form.errors.mode}
        />
        {mode === 'smtp' ? (
          <fieldset className="fieldset form mail-fieldset">
            <legend className="mail-fieldset__legend">{t('email.settings.relayLegend')}</legend>
            {text('host', { hint: t('email.settings.hostHint') })}
            <div className="field-row">
              <SelectField<Security>
                id={form.fieldId('security')}
                label={t('email.settings.fields.security')}
                value={security}
                options={SECURITY_MODES.map((s) => ({
                  value: s,
                  label: t(`email.settings.security.${s}`),
                }))}
                onChange={setSecurity}
                error={form.errors.security}
              />
              {text('port', {
                hint: t('email.settings.portHint', { port: USUAL_PORTS[security].smtp }),
              })}
            </div>
            {text('username')}
            <PasswordField
              id={form.fieldId('password')}
              label={t('email.settings.fields.password')}
              saved={settings.passwordSet}
              value={password}
              onChange={setPassword}
              remove={removePassword}
              onRemove={setRemovePassword}
              error={form.errors.password}
            />
            {text('connections', { hint: t('email.settings.connectionsHint') })}
            <div className="field-row">
              {text('perMinute', { hint: t('email.settings.perMinuteHint') })}
              {text('perDay', { hint: t('email.settings.perDayHint') })}
            </div>
            <p className="field__hint">{t('email.settings.quotaExample')}</p>
          </fieldset>
        ) : null}
        <fieldset className="fieldset form mail-fieldset">
          <legend className="mail-fieldset__legend">{t('email.settings.senderLegend')}</legend>
          {text('fromName', { hint: t('email.settings.fromNameHint') })}
          {text('fromAddress', { type: 'email', hint: t('email.settings.fromAddressHint') })}
          {text('replyTo', { type: 'email', hint: t('email.settings.replyToHint') })}
        </fieldset>
        <div className="form__actions">
          <Button type="submit" busy={save.isPending}>
            {save.isPending ? t('common.saving') : t('common.save')}
          </Button>
        </div>
        <StatusMessage message={saved} />
      </form>
      {settings.mode === 'smtp' ? <ConnectionCheck what="relay" /> : null}
    </section>
  );
}
