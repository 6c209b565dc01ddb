import { useTranslation } from 'react-i18next';
import { useLibrary } from '../../../app/catalogue';
import { errorMessage } from '../../../components/form/errorMessage';
import { Alert, Loading } from '../../../components/ui/Alert';
import { PageHeading } from '../../../components/ui/PageHeading';
import { LibraryForm } from './LibraryForm';

/** The library's own details, used in scripts, e-mails and calling hours. */
export function LibraryPage() {
  const { t } = useTranslation();
  const library = useLibrary();
  return (
    <div className="narrow">
      <PageHeading title={t('library.title')} lead={<p>{t('library.lead')}</p>} />
      {library.isPending ? <Loading label={t('app.loading')} /> : null}
      {library.isError ? <Alert tone="error">{errorMessage(library.error, t)}</Alert> : null}
      {library.data ? <LibraryForm library={library.data} /> : null}
    </div>
  );
}
