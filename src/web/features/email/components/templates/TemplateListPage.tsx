import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { currentLanguage } from '../../../../app/i18n';
import { errorMessage } from '../../../../components/form/errorMessage';
import { Alert, Loading } from '../../../../components/ui/Alert';
import { Checkbox } from '../../../../components/ui/Checkbox';
import { PageHeading } from '../../../../components/ui/PageHeading';
import { useTemplates } from '../../hooks/useTemplates';
import { languageName } from '../format';
import { MailModeNotice } from '../MailModeNotice';
import '../../../../styles/email.css';

/** The library's e-mail templates; archived ones on request. */
export function TemplateListPage() {
  const { t } = useTranslation();
  const ui = currentLanguage();
  const [params, setParams] = useSearchParams();
  const showArchived = params.get('archived') === 'shown';
  const templates = useTemplates();
  const shown = (templates.data ?? []).filter((tpl) => showArchived || !tpl.archived);
  return (
    <>
      <PageHeading title={t('email.templates.title')} lead={<p>{t('email.templates.lead')}</p>} />
      <MailModeNotice />
      <div className="email-tools">
        <p>
          <Link className="button button--primary" to="/email/templates/new">
            {t('email.templates.new')}
          </Link>
        </p>
        <Checkbox
          id="templates-archived"
          label={t('email.templates.showArchived')}
          checked={showArchived}
          onChange={(on) => setParams(on ? { archived: 'shown' } : {}, { replace: true })}
        />
      </div>
      {templates.isPending ? <Loading label={t('app.loading')} /> : null}
      {templates.isError ? <Alert tone="error">{errorMessage(templates.error, t)}</Alert> : null}
      {templates.data ? (
        <p role="status" className="results__count">
          {t('email.templates.count', { count: shown.length })}
        </p>
      ) : null}
      {templates.data && shown.length === 0 ? <p>{t('email.templates.none')}</p> : null}
      {shown.length > 0 ? (
        <div className="table-wrap" role="region" aria-labelledby="templates-caption" tabIndex={0}>
          <table className="table">
            <caption id="templates-caption" className="visually-hidden">
              {t('email.templates.title')}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t('email.templates.columns.name')}</th>
                <th scope="col">{t('email.templates.columns.class')}</th>
                <th scope="col">{t('email.templates.columns.purpose')}</th>
                <th scope="col">{t('email.templates.columns.languages')}</th>
              </tr>
            </thead>
            <tbody>
              {shown.map((template) => (
                <tr key={template.id}>
                  <th scope="row">
                    <Link to={`/email/templates/${template.id}`}>{template.name}</Link>
                    {template.archived ? (
                      <>
                        {' '}
                        <span className="badge badge--off">{t('email.templates.archived')}</span>
                      </>
                    ) : null}
                    {template.description ? (
                      <span className="cell-note">{template.description}</span>
                    ) : null}
                  </th>
                  <td>{t(`email.class.${template.class}`)}</td>
                  <td>{t(`email.purpose.${template.purpose}`)}</td>
                  <td>{template.versions.map((v) => languageName(v.language, ui)).join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}
