import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallCard } from '../../../../shared/schemas/calls.js';
import { FieldMessages } from '../../../components/ui/FieldMessages';
import { describedBy } from '../../../components/ui/fieldIds';
import { hasCallback, type OutcomeDraft } from './outcomeDraft';

export interface CallbackFieldsProps {
  call: CallCard;
  draft: OutcomeDraft;
  onChange: (change: Partial<OutcomeDraft>) => void;
  error: string | undefined;
  inputRef: Ref<HTMLInputElement>;
}

/** When to call back, in the caller's own time, and whether another caller may make the call. */
export function CallbackFields({ call, draft, onChange, error, inputRef }: CallbackFieldsProps) {
  const { t } = useTranslation();
  if (!hasCallback(draft, call)) return null;
  const id = 'outcome-callbackAt';
  const hint = t('calling.callback.hint', { timeZone: call.timeZone });
  return (
    <div className="callback">
      <div className={['field', error ? 'field--invalid' : ''].join(' ')}>
        <label className="field__label" htmlFor={id}>
          {t('calling.callback.at')}
        </label>
        <FieldMessages id={id} hint={hint} error={error} />
        <input
          ref={inputRef}
          id={id}
          name={id}
          type="datetime-local"
          className="field__input"
          value={draft.callbackAt}
          onChange={(event) => onChange({ callbackAt: event.target.value })}
          aria-describedby={describedBy(id, hint, error)}
          aria-invalid={error ? true : undefined}
        />
      </div>
      <fieldset className="fieldset field">
        <legend className="field__label">{t('calling.callback.who')}</legend>
        <div className="radios">
          {[true, false].map((forMe) => (
            <div className="radio" key={String(forMe)}>
              <input
                id={`callback-for-${forMe ? 'me' : 'anyone'}`}
                type="radio"
                name="callback-for"
                checked={draft.callbackForMe === forMe}
                onChange={() => onChange({ callbackForMe: forMe })}
              />
              <label htmlFor={`callback-for-${forMe ? 'me' : 'anyone'}`}>
                {forMe ? t('calling.callback.forMe') : t('calling.callback.forAnyone')}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  );
}
