import { useTranslation } from 'react-i18next';
import { Checkbox } from '../../../../components/ui/Checkbox';
import { SelectField } from '../../../../components/ui/SelectField';
import type { WorkFilter } from '../../hooks/useWorkFilter';

/** Active or closed tasks, overdue only: the lists below follow at once (no page change). */
export function WorkFilterForm({
  filter,
  onChange,
}: {
  filter: WorkFilter;
  onChange: (filter: WorkFilter) => void;
}) {
  const { t } = useTranslation();
  return (
    <section className="filter" aria-labelledby="work-filter-title">
      <h2 id="work-filter-title" className="visually-hidden">
        {t('work.filter.title')}
      </h2>
      <SelectField
        id="work-filter-status"
        label={t('work.filter.status')}
        value={filter.status}
        options={[
          { value: 'active', label: t('work.filter.active') },
          { value: 'closed', label: t('work.filter.closed') },
        ]}
        onChange={(status) => onChange({ ...filter, status, overdue: false })}
      />
      {filter.status === 'active' ? (
        <Checkbox
          id="work-filter-overdue"
          label={t('work.filter.overdue')}
          checked={filter.overdue}
          onChange={(overdue) => onChange({ ...filter, overdue })}
        />
      ) : null}
    </section>
  );
}
