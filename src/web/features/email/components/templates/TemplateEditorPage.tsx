import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Alert, Loading, StatusMessage } from '../../../../components/ui/Alert';
import { PageHeading } from '../../../../components/ui/PageHeading';
import { useTemplate } from '../../hooks/useTemplates';
import { MailModeNotice } from '../MailModeNotice';
import { TemplateForm, type TemplateFlash } from './TemplateForm';
import '../../../../styles/email.css';

/** A new template (/email/templates/new) or a saved one (/email/templates/:templateId). */
export function TemplateEditorPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const param = useParams().templateId;
  const id = param === undefined ? undefined : Number(param);
  const template = useTemplate(id);
  const created = (location.state as TemplateFlash | null)?.created;
  const back = (
    <p className="breadcrumb">
      <Link to="/email/templates">{t('email.templates.back')}</Link>
    </p>
  );
  const invalid = id !== undefined && !(Number.isInteger(id) && id > 0);
  if (!invalid && id !== undefined && template.isPending) {
    return <Loading label={t('app.loading')} />;
  }
  if (invalid || template.isError) {
    return (
      <>
        {back}
        <PageHeading title={t('email.editor.editTitle')} />
        <Alert tone="error">
          {invalid ? t('errors.NOT_FOUND') : errorMessage(template.error, t)}
        </Alert>
      </>
    );
  }
  const saved = template.data;
  return (
    <>
      {back}
      <PageHeading
        title={saved ? saved.name : t('email.editor.newTitle')}
        lead={
          saved?.archived ? (
            <p>
              <span className="badge badge--off">{t('email.templates.archived')}</span>{' '}
              {t('email.editor.archivedLead')}
            </p>
          ) : (
            <p>{t('email.editor.lead')}</p>
          )
        }
      />
      <StatusMessage message={created ? t('email.editor.created', { name: created }) : undefined} />
      <MailModeNotice />
      <TemplateForm key={saved?.id ?? 'new'} template={saved} />
    </>
  );
}
