import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../../components/ui/Alert';
import { PageHeading } from '../../../components/ui/PageHeading';
import { ImportRun } from './ImportRun';

/** One import's report on its own page, reached from the history (or a shared link). */
export function ImportReportPage() {
  const { t } = useTranslation();
  const id = Number(useParams().importId);
  return (
    <>
      <p className="breadcrumb">
        <Link to="/patrons/import">{t('imports.report.back')}</Link>
      </p>
      <PageHeading title={t('imports.report.title', { id })} />
      {Number.isInteger(id) && id > 0 ? (
        <ImportRun id={id} />
      ) : (
        <Alert tone="error">{t('errors.NOT_FOUND')}</Alert>
      )}
    </>
  );
}
