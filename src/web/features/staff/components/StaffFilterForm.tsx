import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Role } from '../../../../shared/roles.js';
import { roleOptions } from '../../../components/form/options';
import { Button } from '../../../components/ui/Button';
import { Checkbox } from '../../../components/ui/Checkbox';
import { SelectField } from '../../../components/ui/SelectField';
import { TextField } from '../../../components/ui/TextField';
import type { StaffFilter } from '../api/staff';

type RoleChoice = Role | 'all';

export function StaffFilterForm({
  filter,
  onApply,
}: {
  filter: StaffFilter;
  onApply: (filter: StaffFilter) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(filter.search);
  const [role, setRole] = useState<RoleChoice>(filter.role ?? 'all');
  const [includeDisabled, setIncludeDisabled] = useState(filter.includeDisabled);

  const onSubmit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    onApply({ search, role: role === 'all' ? undefined : role, includeDisabled, offset: 0 });
  };

  return (
    <form className="filter" role="search" aria-label={t('staff.filter.label')} onSubmit={onSubmit}>
      <TextField
        id="staff-search"
        label={t('staff.filter.search')}
        hint={t('staff.filter.searchHint')}
        type="search"
        value={search}
        onChange={setSearch}
      />
      <SelectField<RoleChoice>
        id="staff-role"
        label={t('staff.fields.role')}
        value={role}
        options={[{ value: 'all', label: t('staff.filter.allRoles') }, ...roleOptions(t)]}
        onChange={setRole}
      />
      <Checkbox
        id="staff-disabled"
        label={t('staff.filter.includeDisabled')}
        checked={includeDisabled}
        onChange={setIncludeDisabled}
      />
      <div className="filter__actions">
        <Button type="submit" variant="secondary">
          {t('staff.filter.apply')}
        </Button>
      </div>
    </form>
  );
}
