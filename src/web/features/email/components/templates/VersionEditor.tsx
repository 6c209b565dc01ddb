import { useTranslation } from 'react-i18next';
import type { EmailMergeField, TemplateVersion } from '../../../../../shared/schemas/email.js';
import { currentLanguage } from '../../../../app/i18n';
import { Button } from '../../../../components/ui/Button';
import { LanguageTabs } from '../../../../components/ui/LanguageTabs';
import { TextArea } from '../../../../components/ui/TextArea';
import { TextField } from '../../../../components/ui/TextField';
import { languageInText } from '../format';
import { MergeFieldList, type VersionField } from './MergeFieldList';
import { EDITOR_LANGUAGES } from './templateDraft';

export interface VersionEditorProps {
  versions: readonly TemplateVersion[];
  language: string;
  onLanguage: (language: string) => void;
  onChange: (patch: Partial<Omit<TemplateVersion, 'language'>>) => void;
  onAdd: (language: string) => void;
  onRemove: (language: string) => void;
  target: VersionField;
  onTarget: (field: VersionField) => void;
  onInsert: (field: EmailMergeField) => void;
  errors: Partial<Record<VersionField, string>>;
  fieldId: (field: VersionField) => string;
  nameOf: (language: string) => string;
}

/**
 * One tab per language version: its subject, HTML body and plain-text body, typed as they are
 * (no word processor), with the merge fields beside them.
 */
export function VersionEditor(props: VersionEditorProps) {
  const { versions, language, errors, fieldId, nameOf, onChange, onTarget } = props;
  const { t } = useTranslation();
  const ui = currentLanguage();
  const inText = (code: string) => languageInText(code, ui);
  const version = versions.find((v) => v.language === language) ?? versions[0];
  const missing = EDITOR_LANGUAGES.filter((l) => !versions.some((v) => v.language === l));
  const field = (name: VersionField) => ({
    id: fieldId(name),
    lang: version?.language,
    value: version?.[name] ?? '',
    onChange: (value: string) => onChange({ [name]: value }),
    onFocus: () => onTarget(name),
    error: errors[name],
  });
  return (
    <section className="template-versions" aria-labelledby="template-versions-title">
      <h2 id="template-versions-title">{t('email.editor.versions')}</h2>
      <LanguageTabs
        id="template-languages"
        label={t('email.editor.versions')}
        languages={versions.map((v) => v.language)}
        current={version?.language ?? language}
        onChange={props.onLanguage}
        nameOf={nameOf}
      >
        <div className="template-version">
          <div className="form">
            <TextField
              {...field('subject')}
              label={t('email.editor.subject')}
              autoComplete="off"
              spellCheck
            />
            <TextArea
              {...field('html')}
              label={t('email.editor.html')}
              hint={t('email.editor.htmlHint')}
              className="field--code"
              rows={14}
              spellCheck={false}
            />
            <TextArea
              {...field('text')}
              label={t('email.editor.text')}
              hint={t('email.editor.textHint')}
              className="field--code"
              rows={10}
            />
          </div>
          <MergeFieldList target={props.target} onTarget={onTarget} onInsert={props.onInsert} />
        </div>
        {versions.length > 1 && version ? (
          <p>
            <Button variant="quiet" onClick={() => props.onRemove(version.language)}>
              {t('email.editor.removeVersion', { language: inText(version.language) })}
            </Button>
          </p>
        ) : null}
      </LanguageTabs>
      {version
        ? missing.map((lang) => (
            <p key={lang}>
              <Button variant="secondary" onClick={() => props.onAdd(lang)}>
                {t('email.editor.addVersion', {
                  language: inText(lang),
                  from: inText(version.language),
                })}
              </Button>
            </p>
          ))
        : null}
    </section>
  );
}
