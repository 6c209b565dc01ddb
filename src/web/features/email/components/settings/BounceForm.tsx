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
import { Checkbox } from '../../../../components/ui/Checkbox';
import { ErrorSummary } from '../../../../components/ui/ErrorSummary';
import { SelectField } from '../../../../components/ui/SelectField';
import { TextField } from '../../../../components/ui/TextField';
import { useUpdateMailSettings } from '../../hooks/useMailSettings';
import { ConnectionCheck } from './ConnectionCheck';
import { USUAL_PORTS, always, numberOf, passwordToSend, type Security } from './mailForm';
import { PasswordField } from './PasswordField';

/** Reading bounces needs a mailbox to read. */
const bounceSchema = updateMailSettingsInput.shape.bounces
  .unwrap()
  .refine((v) => !v.enabled || (v.host ?? '') !== '', { path: ['host'], when: always });

type Text = 'host' | 'port' | 'username' | 'mailbox';

/** The mailbox where bounce reports arrive, read over IMAP so bad addresses stop being mailed. */
export function BounceForm({ settings }: { settings: MailSettings['bounces'] }) {
  const { t } = useTranslation();
  const save = useUpdateMailSettings();
  const [enabled, setEnabled] = useState(settings.enabled);
  const [security, setSecurity] = useState<Security>(settings.security);
  const [texts, setTexts] = useState<Record<Text, string>>({
    host: settings.host,
    port: String(settings.port),
    username: settings.username,
    mailbox: settings.mailbox,
  });
  const [password, setPassword] = useState('');
  const [removePassword, setRemovePassword] = useState(false);
  const [saved, setSaved] = useState<string>();
  const label = (field: Text | 'security' | 'password') =>
    t(`email.settings.bounceFields.${field}`);
  const form = useFormErrors({
    idPrefix: 'bounces',
    labels: {
      host: label('host'),
      port: label('port'),
      security: label('security'),
      username: label('username'),
      password: label('password'),
      mailbox: label('mailbox'),
    },
  });
  const text = (field: Text, hint?: string) => (
    <TextField
      id={form.fieldId(field)}
      label={label(field)}
      hint={hint}
      autoComplete="off"
      spellCheck={false}
      inputMode={field === 'port' ? 'numeric' : undefined}
      value={texts[field]}
      onChange={(value) => setTexts((v) => ({ ...v, [field]: value }))}
      error={form.errors[field]}
    />
  );

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    setSaved(undefined);
    const bounces = form.validate(bounceSchema, {
      enabled,
      security,
      host: texts.host.trim(),
      port: numberOf(texts.port),
      username: texts.username,
      password: passwordToSend(password, removePassword),
      mailbox: texts.mailbox,
    });
    if (bounces === undefined) return;
    save.mutate(
      { bounces },
      {
        onSuccess: () => {
          setPassword('');
          setRemovePassword(false);
          setSaved(t('email.settings.saved'));
        },
        onError: (error) => form.showApiError(error),
      },
    );
  };

  return (
    <section className="card" aria-labelledby="mail-bounces-title">
      <h2 id="mail-bounces-title">{t('email.settings.bouncesTitle')}</h2>
      <p>{t('email.settings.bouncesLead')}</p>
      <ErrorSummary focusKey={form.failures} items={form.summaryItems} formError={form.formError} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <Checkbox
          id="bounces-enabled"
          label={t('email.settings.bounceFields.enabled')}
          checked={enabled}
          onChange={setEnabled}
        />
        {enabled ? (
          <>
            {text('host', t('email.settings.imapHostHint'))}
            <div className="field-row">
              <SelectField<Security>
                id={form.fieldId('security')}
                label={label('security')}
                value={security}
                options={SECURITY_MODES.map((s) => ({
                  value: s,
                  label: t(`email.settings.security.${s}`),
                }))}
                onChange={setSecurity}
                error={form.errors.security}
              />
              {text('port', t('email.settings.portHint', { port: USUAL_PORTS[security].imap }))}
            </div>
            {text('username')}
            <PasswordField
              id={form.fieldId('password')}
              label={label('password')}
              saved={settings.passwordSet}
              value={password}
              onChange={setPassword}
              remove={removePassword}
              onRemove={setRemovePassword}
              error={form.errors.password}
            />
            {text('mailbox', t('email.settings.mailboxHint'))}
          </>
        ) : null}
        <div className="form__actions">
          <Button type="submit" busy={save.isPending}>
            {save.isPending ? t('common.saving') : t('common.save')}
          </Button>
        </div>
        <StatusMessage message={saved} />
      </form>
      {settings.enabled ? <ConnectionCheck what="bounces" /> : null}
    </section>
  );
}
