import { useTranslation } from 'react-i18next';
import type { CallCard } from '../../../../shared/schemas/calls.js';
import { Checkbox } from '../../../components/ui/Checkbox';
import { displayName } from './format';
import { canRecordEmailConsent, withEmailConsent, type OutcomeDraft } from './outcomeDraft';

export interface EmailConsentFieldsProps {
  call: CallCard;
  draft: OutcomeDraft;
  onChange: (change: Partial<OutcomeDraft>) => void;
}

/**
 * "Agreed to receive library news by e-mail", for each person spoken to who has an address: a
 * yes here is recorded as the patron's express consent to promotional e-mail.
 */
export function EmailConsentFields({ call, draft, onChange }: EmailConsentFieldsProps) {
  const { t } = useTranslation();
  const offered = call.patrons.filter((patron) => canRecordEmailConsent(draft, patron));
  if (offered.length === 0) return null;
  const box = (patron: (typeof offered)[number], label: string) => (
    <Checkbox
      key={patron.patronId}
      id={`outcome-emailConsent-${patron.patronId}`}
      label={label}
      checked={draft.emailConsent.includes(patron.patronId)}
      onChange={(agreed) => onChange(withEmailConsent(draft, patron.patronId, agreed))}
    />
  );
  const only = offered[0];
  if (call.patrons.length === 1 && only) {
    return box(only, t('calling.emailConsent.label'));
  }
  return (
    <fieldset className="fieldset field">
      <legend className="field__label">{t('calling.emailConsent.label')}</legend>
      <div className="checkbox-grid">
        {offered.map((patron) => box(patron, displayName(patron)))}
      </div>
    </fieldset>
  );
}
