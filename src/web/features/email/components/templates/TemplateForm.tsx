import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import {
  createEmailTemplateInput,
  templateVersionSchema,
  type EmailMergeField,
  type EmailTemplate,
} from '../../../../../shared/schemas/email.js';
import { currentLanguage } from '../../../../app/i18n';
import { useFormErrors } from '../../../../components/form/useFormErrors';
import { StatusMessage } from '../../../../components/ui/Alert';
import { Button } from '../../../../components/ui/Button';
import { ErrorSummary } from '../../../../components/ui/ErrorSummary';
import { useSaveTemplate } from '../../hooks/useTemplates';
import { languageInText, languageName } from '../format';
import { insertAt, mergeToken } from '../mergeFields';
import type { VersionField } from './MergeFieldList';
import { PreviewPanel } from './PreviewPanel';
import { TemplateActions } from './TemplateActions';
import { TemplateFields } from './TemplateFields';
import {
  blankDraft,
  draftOf,
  isChanged,
  toInput,
  versionToCheck,
  withVersion,
  withoutVersion,
  type TemplateDraft,
} from './templateDraft';
import { VersionEditor } from './VersionEditor';
import { forTemplateForm } from './serverErrors';

/** The form checks the template's own fields and one version's texts at a time. */
const checkSchema = createEmailTemplateInput
  .omit({ versions: true })
  .extend(templateVersionSchema.omit({ language: true }).shape);

/** Router state after a new template is saved and its page opens. */
export interface TemplateFlash {
  created?: string;
}

export function TemplateForm({ template }: { template: EmailTemplate | undefined }) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const navigate = useNavigate();
  const save = useSaveTemplate();
  const [draft, setDraft] = useState<TemplateDraft>(() =>
    template ? draftOf(template) : blankDraft(ui),
  );
  const [language, setLanguage] = useState(draft.defaultLanguage);
  const [target, setTarget] = useState<VersionField>('html');
  const [saved, setSaved] = useState<string>();
  const nameOf = (code: string) => languageName(code, ui);
  const inText = (code: string) => languageInText(code, ui);
  const version = draft.versions.find((v) => v.language === language) ?? draft.versions[0];
  const form = useFormErrors({
    idPrefix: 'template',
    labels: {
      name: t('email.editor.name'),
      description: t('email.editor.description'),
      class: t('email.editor.class'),
      purpose: t('email.editor.purpose'),
      defaultLanguage: t('email.editor.defaultLanguage'),
      subject: t('email.editor.subjectIn', { language: inText(language) }),
      html: t('email.editor.htmlIn', { language: inText(language) }),
      text: t('email.editor.textIn', { language: inText(language) }),
    },
  });

  const change = (patch: Partial<TemplateDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const changeVersion = (patch: Partial<Omit<TemplateDraft['versions'][number], 'language'>>) =>
    setDraft((d) => ({
      ...d,
      versions: d.versions.map((v) => (v.language === language ? { ...v, ...patch } : v)),
    }));

  const insert = (field: EmailMergeField) => {
    if (!version) return;
    const element = document.getElementById(form.fieldId(target));
    const input =
      element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement
        ? element
        : null;
    const current = version[target];
    const start = input?.selectionStart ?? current.length;
    const { value, caret } = insertAt(
      current,
      start,
      input?.selectionEnd ?? start,
      mergeToken(field),
    );
    changeVersion({ [target]: value });
    // Back to the text, just after what was put in, once React has shown it.
    window.setTimeout(() => {
      input?.focus();
      input?.setSelectionRange(caret, caret);
    });
  };

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending) return;
    setSaved(undefined);
    const checked = versionToCheck(draft, language);
    if (checked && checked.language !== language) setLanguage(checked.language);
    const { versions: _versions, ...fields } = draft;
    const valid = form.validate(checkSchema, {
      ...fields,
      subject: checked?.subject ?? '',
      html: checked?.html ?? '',
      text: checked?.text ?? '',
    });
    if (valid === undefined) return;
    save.mutate(
      { id: template?.id ?? null, input: toInput(draft) },
      {
        onSuccess: (result) => {
          if (template) return setSaved(t('email.editor.saved', { name: result.name }));
          const state: TemplateFlash = { created: result.name };
          void navigate(`/email/templates/${result.id}`, { replace: true, state });
        },
        onError: (error) => {
          const shown = forTemplateForm(error, draft.versions);
          if (shown.language !== undefined) setLanguage(shown.language);
          form.showApiError(shown.error);
        },
      },
    );
  };

  return (
    <div className="template-editor">
      <div className="template-editor__form">
        <ErrorSummary
          focusKey={form.failures}
          items={form.summaryItems}
          formError={form.formError}
        />
        <form className="form" noValidate onSubmit={onSubmit}>
          <TemplateFields
            draft={draft}
            change={change}
            errors={form.errors}
            fieldId={form.fieldId}
            nameOf={nameOf}
          />
          <VersionEditor
            versions={draft.versions}
            language={language}
            onLanguage={setLanguage}
            onChange={changeVersion}
            onAdd={(lang) => {
              setDraft((d) => withVersion(d, lang, language));
              setLanguage(lang);
            }}
            onRemove={(lang) => {
              const next = withoutVersion(draft, lang);
              setDraft(next);
              setLanguage(next.versions[0]?.language ?? next.defaultLanguage);
            }}
            target={target}
            onTarget={setTarget}
            onInsert={insert}
            errors={form.errors}
            fieldId={form.fieldId}
            nameOf={nameOf}
          />
          <div className="form__actions">
            <Button type="submit" busy={save.isPending}>
              {save.isPending ? t('common.saving') : t('email.editor.save')}
            </Button>
          </div>
          <StatusMessage message={saved} />
        </form>
      </div>
      <div className="template-editor__side">
        {version ? <PreviewPanel version={version} templateClass={draft.class} /> : null}
        {template ? (
          <TemplateActions
            template={template}
            language={language}
            unsaved={isChanged(draft, template)}
          />
        ) : null}
      </div>
    </div>
  );
}
