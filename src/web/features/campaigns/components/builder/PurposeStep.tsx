import { useTranslation } from 'react-i18next';
import { TextArea } from '../../../../components/ui/TextArea';
import { TextField } from '../../../../components/ui/TextField';
import type { StepProps } from './StepContent';

/** Step 1: why the library calls, under what authority, and who answers questions (TRUST PR-1). */
export function PurposeStep({ draft, change, errors, fieldId }: StepProps) {
  const { t } = useTranslation();
  return (
    <div className="form">
      <TextField
        id={fieldId('name')}
        label={t('builder.purpose.name')}
        hint={t('builder.purpose.nameHint')}
        autoComplete="off"
        value={draft.name}
        onChange={(name) => change({ name })}
        error={errors.name}
      />
      <TextArea
        id={fieldId('purpose')}
        label={t('builder.purpose.purpose')}
        hint={t('builder.purpose.purposeHint')}
        value={draft.purpose}
        onChange={(purpose) => change({ purpose })}
        error={errors.purpose}
      />
      <TextArea
        id={fieldId('legalAuthority')}
        label={t('builder.purpose.legalAuthority')}
        hint={t('builder.purpose.legalAuthorityHint')}
        value={draft.legalAuthority}
        onChange={(legalAuthority) => change({ legalAuthority })}
        error={errors.legalAuthority}
      />
      <TextField
        id={fieldId('contact')}
        label={t('builder.purpose.contact')}
        hint={t('builder.purpose.contactHint')}
        autoComplete="off"
        value={draft.contact}
        onChange={(contact) => change({ contact })}
        error={errors.contact}
      />
      <div className="field-row">
        <TextField
          id={fieldId('startsOn')}
          label={t('builder.purpose.startsOn')}
          hint={t('builder.purpose.dateHint')}
          type="date"
          value={draft.startsOn ?? ''}
          onChange={(value) => change({ startsOn: value === '' ? null : value })}
          error={errors.startsOn}
        />
        <TextField
          id={fieldId('endsOn')}
          label={t('builder.purpose.endsOn')}
          hint={t('builder.purpose.dateHint')}
          type="date"
          value={draft.endsOn ?? ''}
          onChange={(value) => change({ endsOn: value === '' ? null : value })}
          error={errors.endsOn}
        />
      </div>
    </div>
  );
}
