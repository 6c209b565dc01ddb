import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { errorMessage } from '../../../components/form/errorMessage';
import { Alert, Loading } from '../../../components/ui/Alert';
import { PageHeading } from '../../../components/ui/PageHeading';
import { Pager } from '../../../components/ui/Pager';
import { AUDIT_PAGE_SIZE } from '../api/audit';
import { useAuditEntries } from '../hooks/useAudit';
import { AuditTable } from './AuditTable';

export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = Number(params.get('offset') ?? '0');
  const offset = Number.isInteger(requested) && requested > 0 ? requested : 0;
  const entries = useAuditEntries(offset);

  return (
    <>
      <PageHeading title={t('audit.title')} lead={<p>{t('audit.lead')}</p>} />
      {entries.isPending ? <Loading label={t('app.loading')} /> : null}
      {entries.isError ? <Alert tone="error">{errorMessage(entries.error, t)}</Alert> : null}
      {entries.data ? (
        <>
          <p role="status" className="results__count">
            {t('audit.count', { count: entries.data.total })}
          </p>
          {entries.data.items.length > 0 ? <AuditTable entries={entries.data.items} /> : null}
          {entries.data.total > AUDIT_PAGE_SIZE ? (
            <Pager
              label={t('audit.pages')}
              offset={offset}
              limit={AUDIT_PAGE_SIZE}
              total={entries.data.total}
              shown={entries.data.items.length}
              onChange={(next) => setParams(next > 0 ? { offset: String(next) } : {})}
            />
          ) : null}
        </>
      ) : null}
    </>
  );
}
