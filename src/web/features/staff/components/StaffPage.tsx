import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { errorMessage } from '../../../components/form/errorMessage';
import { Alert, Loading, StatusMessage } from '../../../components/ui/Alert';
import { PageHeading } from '../../../components/ui/PageHeading';
import { Pager } from '../../../components/ui/Pager';
import { STAFF_PAGE_SIZE } from '../api/staff';
import { useStaffList } from '../hooks/useStaff';
import { useStaffFilter } from '../hooks/useStaffFilter';
import { StaffFilterForm } from './StaffFilterForm';
import { StaffTable } from './StaffTable';
import type { StaffFlash } from './flash';

export function StaffPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const flash = (location.state as StaffFlash | null)?.created;
  const { filter, setFilter } = useStaffFilter();
  const list = useStaffList(filter);
  const filterKey = `${filter.search}|${filter.role ?? ''}|${filter.includeDisabled}`;

  return (
    <>
      <PageHeading title={t('staff.title')} lead={<p>{t('staff.lead')}</p>} />
      <StatusMessage message={flash ? t('staff.created', { name: flash }) : undefined} />
      <p>
        <Link className="button button--primary" to="/staff/new">
          {t('staff.create.link')}
        </Link>
      </p>
      <StaffFilterForm key={filterKey} filter={filter} onApply={setFilter} />
      {list.isPending ? <Loading label={t('app.loading')} /> : null}
      {list.isError ? <Alert tone="error">{errorMessage(list.error, t)}</Alert> : null}
      {list.data ? (
        <section aria-labelledby="staff-results" className="results">
          <h2 id="staff-results" className="visually-hidden">
            {t('staff.table.caption')}
          </h2>
          <p role="status" className="results__count">
            {t('staff.table.count', { count: list.data.total })}
          </p>
          {list.data.items.length > 0 ? <StaffTable staff={list.data.items} /> : null}
          {list.data.total > STAFF_PAGE_SIZE ? (
            <Pager
              label={t('staff.table.pages')}
              offset={filter.offset}
              limit={STAFF_PAGE_SIZE}
              total={list.data.total}
              shown={list.data.items.length}
              onChange={(offset) => setFilter({ ...filter, offset })}
            />
          ) : null}
        </section>
      ) : null}
    </>
  );
}
