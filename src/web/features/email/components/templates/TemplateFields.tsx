import { useTranslation } from 'react-i18next';
import { TEMPLATE_CLASSES, TEMPLATE_PURPOSES } from '../../../../../shared/schemas/email.js';
import { SelectField } from '../../../../components/ui/SelectField';
import { TextField } from '../../../../components/ui/TextField';
import type { TemplateDraft } from './templateDraft';

export type TemplateField = 'name' | 'description' | 'class' | 'purpose' | 'defaultLanguage';

export interface TemplateFieldsProps {
  draft: TemplateDraft;
  change: (patch: Partial<TemplateDraft>) => void;
  errors: Partial<Record<TemplateField, string>>;
  fieldId: (field: TemplateField) => string;
  nameOf: (language: string) => string;
}

/** What the template is: its name, its kind (which decides who may get it) and when it is used. */
export function TemplateFields({ draft, change, errors, fieldId, nameOf }: TemplateFieldsProps) {
  const { t } = useTranslation();
  return (
    <div className="form">
      <TextField
        id={fieldId('name')}
        label={t('email.editor.name')}
        hint={t('email.editor.nameHint')}
        autoComplete="off"
        value={draft.name}
        onChange={(name) => change({ name })}
        error={errors.name}
      />
      <TextField
        id={fieldId('description')}
        label={t('email.editor.description')}
        hint={t('email.editor.descriptionHint')}
        autoComplete="off"
        value={draft.description}
        onChange={(description) => change({ description })}
        error={errors.description}
      />
      <SelectField
        id={fieldId('class')}
        label={t('email.editor.class')}
        hint={t(`email.classHint.${draft.class}`)}
        value={draft.class}
        options={TEMPLATE_CLASSES.map((c) => ({ value: c, label: t(`email.class.${c}`) }))}
        onChange={(value) => change({ class: value })}
        error={errors.class}
      />
      <div className="field-row">
        <SelectField
          id={fieldId('purpose')}
          label={t('email.editor.purpose')}
          hint={t(`email.purposeHint.${draft.purpose}`)}
          value={draft.purpose}
          options={TEMPLATE_PURPOSES.map((p) => ({ value: p, label: t(`email.purpose.${p}`) }))}
          onChange={(purpose) => change({ purpose })}
          error={errors.purpose}
        />
        <SelectField
          id={fieldId('defaultLanguage')}
          label={t('email.editor.defaultLanguage')}
          hint={t('email.editor.defaultLanguageHint')}
          value={draft.defaultLanguage}
          options={draft.versions.map((v) => ({ value: v.language, label: nameOf(v.language) }))}
          onChange={(defaultLanguage) => change({ defaultLanguage })}
          error={errors.defaultLanguage}
        />
      </div>
    </div>
  );
}
