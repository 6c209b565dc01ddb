import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Alert, StatusMessage } from '../../../../components/ui/Alert';
import { Button } from '../../../../components/ui/Button';
import type { EmailConsent } from '../../api/consent';
import { useSetEmailConsent } from '../../hooks/useEmailConsent';

const CHOICES = ['none', 'express', 'implied'] as const;
type Choice = (typeof CHOICES)[number];

const choiceOf = (consent: EmailConsent): Choice => consent ?? 'none';
const consentOf = (choice: Choice): EmailConsent => (choice === 'none' ? null : choice);

export interface EmailConsentControlProps {
  patronId: number;
  /** As on record when the page was opened; undefined when not known (page opened directly). */
  current: EmailConsent | undefined;
  onSaved: (consent: EmailConsent) => void;
}

/**
 * The patron's consent to promotional e-mail (TRUST CA-3), recorded or withdrawn by staff — for
 * instance from a signed form. Transactional e-mail (what the patron asked for) needs none.
 */
export function EmailConsentControl({ patronId, current, onSaved }: EmailConsentControlProps) {
  const { t } = useTranslation();
  const save = useSetEmailConsent(patronId);
  const [choice, setChoice] = useState<Choice | undefined>(
    current === undefined ? undefined : choiceOf(current),
  );
  const [saved, setSaved] = useState<string>();
  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending || choice === undefined) return;
    setSaved(undefined);
    save.mutate(consentOf(choice), {
      onSuccess: (result) => {
        setSaved(t('email.consent.saved'));
        onSaved(result.emailConsent);
      },
    });
  };
  return (
    <section className="card email-consent" aria-labelledby="email-consent-title">
      <h2 id="email-consent-title">{t('email.consent.title')}</h2>
      {save.isError ? <Alert tone="error">{errorMessage(save.error, t)}</Alert> : null}
      <form className="form" noValidate onSubmit={onSubmit}>
        <fieldset
          className="fieldset field"
          aria-labelledby="email-consent-title"
          aria-describedby="email-consent-hint"
        >
          <p id="email-consent-hint" className="field__hint">
            {current === undefined ? t('email.consent.unknown') : t('email.consent.hint')}
          </p>
          <div className="email-consent__choices">
            {CHOICES.map((value) => (
              <div className="radio" key={value}>
                <input
                  type="radio"
                  id={`email-consent-${value}`}
                  name="email-consent"
                  checked={choice === value}
                  onChange={() => setChoice(value)}
                />
                <label htmlFor={`email-consent-${value}`}>
                  {t(`email.consent.choice.${value}`)}
                </label>
              </div>
            ))}
          </div>
        </fieldset>
        <div className="form__actions">
          <Button
            type="submit"
            variant="secondary"
            busy={save.isPending}
            disabled={choice === undefined}
          >
            {save.isPending ? t('common.saving') : t('email.consent.save')}
          </Button>
        </div>
        <StatusMessage message={saved} />
      </form>
    </section>
  );
}
