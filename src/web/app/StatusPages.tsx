import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert } from '../components/ui/Alert';
import { PageHeading } from '../components/ui/PageHeading';
import { errorMessage } from '../components/form/errorMessage';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('notFound.title')} />
      <p>{t('notFound.text')}</p>
      <p>
        <Link to="/">{t('common.backHome')}</Link>
      </p>
    </>
  );
}

export function ForbiddenPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('forbidden.title')} />
      <p>{t('forbidden.text')}</p>
      <p>
        <Link to="/">{t('common.backHome')}</Link>
      </p>
    </>
  );
}

/** When the app cannot load what every page needs (server down, database unavailable). */
export function LoadFailedPage({ error }: { error: unknown }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading title={t('loadFailed.title')} />
      <Alert tone="error">{errorMessage(error, t)}</Alert>
      <p>{t('loadFailed.text')}</p>
    </>
  );
}
