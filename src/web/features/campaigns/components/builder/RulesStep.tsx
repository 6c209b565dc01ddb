import { useTranslation } from 'react-i18next';
import { CHANNELS, type CallingHours } from '../../../../../shared/schemas/campaigns.js';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Alert, Loading } from '../../../../components/ui/Alert';
import { CheckboxGroup } from '../../../../components/ui/CheckboxGroup';
import { SelectField } from '../../../../components/ui/SelectField';
import { TextField } from '../../../../components/ui/TextField';
import { useCallers } from '../../hooks/useCampaigns';
import { LEGAL_HOURS } from './draft';
import { NumberField } from './fields';
import type { StepProps } from './StepContent';

const HOURS: readonly (keyof CallingHours)[] = [
  'weekdayStart',
  'weekdayEnd',
  'weekendStart',
  'weekendEnd',
];

/** Step 4: how patrons are reached, how often, when, and by whom. */
export function RulesStep({ draft, change, errors, fieldId }: StepProps) {
  const { t } = useTranslation();
  const chosen = draft.callerIds !== null;
  const callers = useCallers(true);
  const num = (value: number | undefined) => value ?? Number.NaN;
  return (
    <div className="form">
      <SelectField
        id={fieldId('channel')}
        label={t('builder.rules.channel')}
        value={draft.channel}
        options={CHANNELS.map((channel) => ({ value: channel, label: t(`channel.${channel}`) }))}
        onChange={(channel) => change({ channel })}
        error={errors.channel}
      />
      <div className="field-row">
        <NumberField
          id={fieldId('maxAttempts')}
          label={t('builder.rules.maxAttempts')}
          hint={t('builder.rules.maxAttemptsHint')}
          value={draft.maxAttempts}
          onChange={(value) => change({ maxAttempts: num(value) })}
          error={errors.maxAttempts}
        />
        <NumberField
          id={fieldId('attemptGapHours')}
          label={t('builder.rules.attemptGapHours')}
          hint={t('builder.rules.attemptGapHoursHint')}
          value={draft.attemptGapHours}
          onChange={(value) => change({ attemptGapHours: num(value) })}
          error={errors.attemptGapHours}
        />
        {draft.channel === 'phone_then_email' ? (
          <NumberField
            id={fieldId('emailAfterAttempts')}
            label={t('builder.rules.emailAfterAttempts')}
            hint={t('builder.rules.emailAfterAttemptsHint')}
            value={draft.emailAfterAttempts}
            onChange={(value) => change({ emailAfterAttempts: num(value) })}
            error={errors.emailAfterAttempts}
          />
        ) : null}
      </div>
      {draft.channel !== 'email' ? (
        <fieldset className="fieldset field">
          <legend className="field__label">{t('builder.rules.hours')}</legend>
          <p className="field__hint">{t('builder.rules.hoursHint', LEGAL_HOURS)}</p>
          <div className="field-row">
            {HOURS.map((key) => (
              <TextField
                key={key}
                id={fieldId(`callingHours.${key}`)}
                label={t(`builder.rules.${key}`)}
                type="time"
                value={draft.callingHours[key]}
                onChange={(value) =>
                  change({ callingHours: { ...draft.callingHours, [key]: value } })
                }
                error={errors[`callingHours.${key}`]}
              />
            ))}
          </div>
        </fieldset>
      ) : null}
      <fieldset className="fieldset field" id={fieldId('callerIds')} tabIndex={-1}>
        <legend className="field__label">{t('builder.rules.callers')}</legend>
        <div className="radio">
          <input
            type="radio"
            id="campaign-callers-all"
            name="campaign-callers"
            checked={!chosen}
            onChange={() => change({ callerIds: null })}
          />
          <label htmlFor="campaign-callers-all">{t('builder.rules.allCallers')}</label>
        </div>
        <div className="radio">
          <input
            type="radio"
            id="campaign-callers-chosen"
            name="campaign-callers"
            checked={chosen}
            onChange={() => change({ callerIds: [] })}
          />
          <label htmlFor="campaign-callers-chosen">{t('builder.rules.chosenCallers')}</label>
        </div>
        {errors.callerIds ? <p className="field__error">{errors.callerIds}</p> : null}
      </fieldset>
      {chosen ? (
        callers.isPending ? (
          <Loading label={t('app.loading')} />
        ) : callers.isError ? (
          <Alert tone="error">{errorMessage(callers.error, t)}</Alert>
        ) : callers.data.length === 0 ? (
          <p className="muted">{t('builder.rules.noCallers')}</p>
        ) : (
          <CheckboxGroup
            id="campaign-callers-list"
            legend={t('builder.rules.whichCallers')}
            options={callers.data.map((user) => ({ value: String(user.id), label: user.name }))}
            values={(draft.callerIds ?? []).map(String)}
            onChange={(values) => change({ callerIds: values.map(Number) })}
          />
        )
      ) : null}
    </div>
  );
}
