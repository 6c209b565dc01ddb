import { useSearchParams } from 'react-router';
import { ROLES, type Role } from '../../../../shared/roles.js';
import type { StaffFilter } from '../api/staff';

function roleOf(value: string | null): Role | undefined {
  return ROLES.find((role) => role === value);
}

/** The staff list's filter lives in the address, so back, reload and shared links keep it. */
export function useStaffFilter() {
  const [params, setParams] = useSearchParams();
  const offset = Number(params.get('offset') ?? '0');
  const filter: StaffFilter = {
    search: params.get('search') ?? '',
    role: roleOf(params.get('role')),
    includeDisabled: params.get('disabled') === 'shown',
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
  const setFilter = (next: StaffFilter) => {
    const search = new URLSearchParams();
    if (next.search.trim() !== '') search.set('search', next.search.trim());
    if (next.role) search.set('role', next.role);
    if (next.includeDisabled) search.set('disabled', 'shown');
    if (next.offset > 0) search.set('offset', String(next.offset));
    setParams(search);
  };
  return { filter, setFilter };
}
