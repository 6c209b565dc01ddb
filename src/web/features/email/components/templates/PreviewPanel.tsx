import { useTranslation } from 'react-i18next';
import {
  templateVersionSchema,
  type EmailTemplate,
  type TemplateVersion,
} from '../../../../../shared/schemas/email.js';
import { useServices } from '../../../../app/catalogue';
import { currentLanguage } from '../../../../app/i18n';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Alert } from '../../../../components/ui/Alert';
import { usePreview } from '../../hooks/useTemplates';
import { languageInText } from '../format';
import { previewHtml } from './previewHtml';

/** How many of the library's services fill {{services.list}} in the preview. */
const SAMPLE_SERVICES = 3;

export interface PreviewPanelProps {
  version: TemplateVersion;
  templateClass: EmailTemplate['class'];
}

/**
 * The version being edited as a sample patron would get it, rendered by the server. The HTML part
 * is shown in a sandboxed frame: no script, no form, no link can act from it.
 */
export function PreviewPanel({ version, templateClass }: PreviewPanelProps) {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const services = useServices();
  const serviceKeys = (services.data ?? []).slice(0, SAMPLE_SERVICES).map((s) => s.key);
  const preview = usePreview({
    version,
    class: templateClass,
    language: version.language,
    serviceKeys,
  });
  const rendered = preview.data;
  const complete = templateVersionSchema.safeParse(version).success;
  return (
    <section className="card email-preview" aria-labelledby="email-preview-title">
      <h2 id="email-preview-title">
        {t('email.preview.title', { language: languageInText(version.language, ui) })}
      </h2>
      <p className="muted">{t('email.preview.lead')}</p>
      {preview.isError ? <Alert tone="error">{errorMessage(preview.error, t)}</Alert> : null}
      {!complete ? <p className="muted">{t('email.preview.incomplete')}</p> : null}
      {complete && !rendered && !preview.isError ? (
        <p className="muted">{t('email.preview.loading')}</p>
      ) : null}
      {rendered ? (
        <>
          {rendered.warnings.length > 0 ? (
            <Alert tone="info" title={t('email.preview.warnings')}>
              <ul className="email-preview__warnings">
                {rendered.warnings.map((warning) => (
                  <li key={warning} lang="en">
                    {warning}
                  </li>
                ))}
              </ul>
            </Alert>
          ) : null}
          <dl className="facts email-preview__facts">
            <div>
              <dt>{t('email.preview.subject')}</dt>
              <dd lang={rendered.language}>{rendered.subject}</dd>
            </div>
          </dl>
          <h3>{t('email.preview.html')}</h3>
          <p className="field__hint">{t('email.preview.htmlNote')}</p>
          <iframe
            className="email-preview__frame"
            title={t('email.preview.frameTitle')}
            sandbox=""
            srcDoc={previewHtml(rendered.html)}
          />
          <h3>{t('email.preview.text')}</h3>
          <pre className="email-preview__text" lang={rendered.language} tabIndex={0}>
            {rendered.text}
          </pre>
        </>
      ) : null}
    </section>
  );
}
