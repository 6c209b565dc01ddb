import { useTranslation } from 'react-i18next';
import { EMAIL_MERGE_FIELDS, type EmailMergeField } from '../../../../../shared/schemas/email.js';
import { Button } from '../../../../components/ui/Button';
import { SelectField } from '../../../../components/ui/SelectField';
import { mergeToken } from '../mergeFields';

/** `patron.firstName` → `patron_firstName`: the catalogue key of each merge field's description. */
type KeyOf<F extends string> = F extends `${infer A}.${infer B}` ? `${A}_${B}` : F;
const keyOf = (field: EmailMergeField) => field.replace('.', '_') as KeyOf<EmailMergeField>;

export type VersionField = 'subject' | 'html' | 'text';

export interface MergeFieldListProps {
  /** The field a merge field goes into: the one last typed in, or the one chosen here. */
  target: VersionField;
  onTarget: (field: VersionField) => void;
  onInsert: (field: EmailMergeField) => void;
}

/** Every merge field a template may use, each a button that puts it at the cursor. */
export function MergeFieldList({ target, onTarget, onInsert }: MergeFieldListProps) {
  const { t } = useTranslation();
  return (
    <section className="merge-fields" aria-labelledby="merge-fields-title">
      <h3 id="merge-fields-title">{t('email.merge.title')}</h3>
      <p className="field__hint">{t('email.merge.lead')}</p>
      <SelectField<VersionField>
        id="merge-target"
        label={t('email.merge.target')}
        value={target}
        options={(['subject', 'html', 'text'] as const).map((field) => ({
          value: field,
          label: t(`email.editor.${field}`),
        }))}
        onChange={onTarget}
      />
      <ul className="merge-fields__list">
        {EMAIL_MERGE_FIELDS.map((field) => (
          <li key={field}>
            <Button
              variant="secondary"
              className="merge-fields__button"
              onClick={() => onInsert(field)}
            >
              <code>{mergeToken(field)}</code>
              <span className="merge-fields__what">{t(`email.merge.fields.${keyOf(field)}`)}</span>
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
