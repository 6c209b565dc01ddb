import {
  templateVersionSchema,
  type CreateEmailTemplateInput,
  type EmailTemplate,
  type TemplateVersion,
} from '../../../../../shared/schemas/email.js';

/** The template being edited: the fields the form shows, each version without its dates. */
export interface TemplateDraft {
  name: string;
  description: string;
  class: EmailTemplate['class'];
  purpose: EmailTemplate['purpose'];
  defaultLanguage: string;
  versions: TemplateVersion[];
}

/** Languages the editor offers a version in; versions in others are kept as they are. */
export const EDITOR_LANGUAGES = ['en', 'fr'] as const;

export function blankVersion(language: string): TemplateVersion {
  return { language, subject: '', html: '', text: '' };
}

export function blankDraft(language: string): TemplateDraft {
  return {
    name: '',
    description: '',
    class: 'transactional',
    purpose: 'general',
    defaultLanguage: language,
    versions: [blankVersion(language)],
  };
}

export function draftOf(template: EmailTemplate): TemplateDraft {
  return {
    name: template.name,
    description: template.description,
    class: template.class,
    purpose: template.purpose,
    defaultLanguage: template.defaultLanguage,
    versions: template.versions.map(({ language, subject, html, text }) => ({
      language,
      subject,
      html,
      text,
    })),
  };
}

export function toInput(draft: TemplateDraft): CreateEmailTemplateInput {
  return { ...draft };
}

/** A new version in `language`, starting from a copy of `from` to translate. */
export function withVersion(draft: TemplateDraft, language: string, from: string): TemplateDraft {
  if (draft.versions.some((v) => v.language === language)) return draft;
  const source = draft.versions.find((v) => v.language === from);
  const version = source ? { ...source, language } : blankVersion(language);
  return { ...draft, versions: [...draft.versions, version] };
}

/** Without the version in `language`; the default moves to the first version left. */
export function withoutVersion(draft: TemplateDraft, language: string): TemplateDraft {
  const versions = draft.versions.filter((v) => v.language !== language);
  if (versions.length === 0) return draft;
  const defaultLanguage = versions.some((v) => v.language === draft.defaultLanguage)
    ? draft.defaultLanguage
    : (versions[0]?.language ?? draft.defaultLanguage);
  return { ...draft, versions, defaultLanguage };
}

/** The version to show the errors of: the first one that is not complete, else `current`. */
export function versionToCheck(draft: TemplateDraft, current: string): TemplateVersion | undefined {
  return (
    draft.versions.find((v) => !templateVersionSchema.safeParse(v).success) ??
    draft.versions.find((v) => v.language === current)
  );
}

/** Whether the draft differs from the saved template (the test e-mail sends the saved one). */
export function isChanged(draft: TemplateDraft, template: EmailTemplate | undefined): boolean {
  return template === undefined || JSON.stringify(draft) !== JSON.stringify(draftOf(template));
}
