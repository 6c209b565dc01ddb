import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  updateSipAccountInput,
  type SipAccount,
  type UpdateSipAccountInput,
} from '../../../../../shared/schemas/telephony.js';
import { useFormErrors } from '../../../../components/form/useFormErrors';
import { StatusMessage } from '../../../../components/ui/Alert';
import { Button } from '../../../../components/ui/Button';
import { Checkbox } from '../../../../components/ui/Checkbox';
import { ErrorSummary } from '../../../../components/ui/ErrorSummary';
import { TextField } from '../../../../components/ui/TextField';
import { sipAccountChanges, sipAccountInputOf, sipAccountValuesOf } from './sipAccountForm';

/** The texts each variant of the form has, under `telephony.myPhone` or `telephony.staffPhone`. */
type AccountText =
  | 'fields.enabled'
  | 'fields.username'
  | 'fields.authorizationUser'
  | 'fields.password'
  | 'hints.enabled'
  | 'hints.username'
  | 'hints.authorizationUser'
  | 'hints.passwordSet'
  | 'hints.passwordNone'
  | 'submit'
  | 'saved';

/** The mutation that saves the account: the staff member's own, or an admin's for them. */
export interface SaveSipAccount {
  isPending: boolean;
  mutate: (
    input: UpdateSipAccountInput,
    options: { onSuccess: () => void; onError: (error: unknown) => void },
  ) => void;
}

export interface SipAccountFormProps {
  /** Texts come from `telephony.<texts>.*`: the staff member's own words or an admin's. */
  texts: 'myPhone' | 'staffPhone';
  idPrefix: string;
  account: SipAccount;
  save: SaveSipAccount;
  /** Names the staff member in an admin's texts. */
  name?: string;
}

/**
 * A SIP account for the built-in softphone: on or off, user name, authorization user and
 * password. The saved password is never shown: left empty it is kept, typed it is replaced.
 */
export function SipAccountForm({ texts, idPrefix, account, save, name }: SipAccountFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(() => sipAccountValuesOf(account));
  const [saved, setSaved] = useState<string>();
  const text = (key: AccountText) => t(`telephony.${texts}.${key}`, { name });
  const form = useFormErrors({
    idPrefix,
    labels: {
      enabled: text('fields.enabled'),
      username: text('fields.username'),
      authorizationUser: text('fields.authorizationUser'),
      password: text('fields.password'),
    },
    messages: {
      username: t('telephony.myPhone.messages.sipUser'),
      authorizationUser: t('telephony.myPhone.messages.sipUser'),
    },
  });

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    setSaved(undefined);
    const input = form.validate(updateSipAccountInput, sipAccountInputOf(values));
    if (input === undefined) return;
    const changes = sipAccountChanges(account, input);
    if (Object.keys(changes).length === 0) {
      setSaved(t('telephony.myPhone.unchanged'));
      return;
    }
    save.mutate(changes, {
      onSuccess: () => {
        setValues((v) => ({ ...v, password: '' }));
        setSaved(text('saved'));
      },
      onError: (error) => form.showApiError(error),
    });
  };

  return (
    <>
      <ErrorSummary focusKey={form.failures} items={form.summaryItems} formError={form.formError} />
      <form className="form" noValidate onSubmit={onSubmit}>
        <Checkbox
          id={form.fieldId('enabled')}
          label={text('fields.enabled')}
          hint={text('hints.enabled')}
          checked={values.enabled}
          onChange={(enabled) => setValues((v) => ({ ...v, enabled }))}
        />
        <TextField
          id={form.fieldId('username')}
          label={text('fields.username')}
          hint={text('hints.username')}
          autoComplete="off"
          spellCheck={false}
          value={values.username}
          onChange={(username) => setValues((v) => ({ ...v, username }))}
          error={form.errors.username}
        />
        <TextField
          id={form.fieldId('authorizationUser')}
          label={text('fields.authorizationUser')}
          hint={text('hints.authorizationUser')}
          autoComplete="off"
          spellCheck={false}
          value={values.authorizationUser}
          onChange={(authorizationUser) => setValues((v) => ({ ...v, authorizationUser }))}
          error={form.errors.authorizationUser}
        />
        <TextField
          id={form.fieldId('password')}
          label={text('fields.password')}
          hint={account.passwordSet ? text('hints.passwordSet') : text('hints.passwordNone')}
          type="password"
          // Not the staff member's Outreach Desk password: keeps password managers from filling it.
          autoComplete="new-password"
          value={values.password}
          onChange={(password) => setValues((v) => ({ ...v, password }))}
          error={form.errors.password}
        />
        <div className="form__actions">
          <Button type="submit" variant="secondary" busy={save.isPending}>
            {save.isPending ? t('common.saving') : text('submit')}
          </Button>
        </div>
        <StatusMessage message={saved} />
      </form>
    </>
  );
}
