import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Alert, Loading } from '../../../components/ui/Alert';
import { PageHeading } from '../../../components/ui/PageHeading';
import { Pager } from '../../../components/ui/Pager';
import { errorMessage } from '../../../components/form/errorMessage';
import { EXPORT_FORMATS, exportUrl, PATRONS_PAGE_SIZE } from '../api/patrons';
import { usePatronFilter } from '../hooks/usePatronFilter';
import { usePatronList } from '../hooks/usePatrons';
import { PatronFilterForm } from './PatronFilterForm';
import { PatronTable } from './PatronTable';

export function PatronListPage() {
  const { t } = useTranslation();
  const { filter, setFilter } = usePatronFilter();
  const list = usePatronList(filter);
  const { offset: _offset, ...criteria } = filter;
  const filterKey = JSON.stringify(criteria);
  const filtered = Object.values(criteria).some((value: unknown) => typeof value === 'string');

  return (
    <>
      <PageHeading title={t('patrons.title')} lead={<p>{t('patrons.lead')}</p>} />
      <p>
        <Link className="button button--primary" to="/patrons/import">
          {t('nav.importPatrons')}
        </Link>
      </p>
      <PatronFilterForm key={filterKey} filter={filter} onApply={setFilter} />
      {list.isPending ? <Loading label={t('app.loading')} /> : null}
      {list.isError ? <Alert tone="error">{errorMessage(list.error, t)}</Alert> : null}
      {list.data ? (
        <section aria-labelledby="patron-results" className="results">
          <h2 id="patron-results" className="visually-hidden">
            {t('patrons.table.results')}
          </h2>
          <p role="status" className="results__count">
            {t('patrons.table.count', { count: list.data.total })}
          </p>
          {list.data.total === 0 ? (
            <p>{filtered ? t('patrons.table.noMatch') : t('patrons.table.noneYet')}</p>
          ) : null}
          {list.data.items.length > 0 ? <PatronTable patrons={list.data.items} /> : null}
          {list.data.total > PATRONS_PAGE_SIZE ? (
            <Pager
              label={t('patrons.table.pages')}
              offset={filter.offset}
              limit={PATRONS_PAGE_SIZE}
              total={list.data.total}
              shown={list.data.items.length}
              onChange={(offset) => setFilter({ ...filter, offset })}
            />
          ) : null}
          {list.data.total > 0 ? (
            <div className="exports">
              <h2 id="patron-export-title" className="exports__title">
                {t('patrons.export.title')}
              </h2>
              <p className="muted">{t('patrons.export.lead', { count: list.data.total })}</p>
              <ul className="exports__list">
                {EXPORT_FORMATS.map((format) => (
                  <li key={format}>
                    <a href={exportUrl(filter, format)} download>
                      {t(`patrons.export.${format}`)}
                    </a>
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
