import { useSearchParams } from 'react-router';

export interface WorkFilter {
  status: 'active' | 'closed';
  overdue: boolean;
  /** Coordinators: everyone's recurring calls, not only their own. */
  everyone: boolean;
}

/** The "My work" filter lives in the address, so back, reload and shared links keep it. */
export function useWorkFilter() {
  const [params, setParams] = useSearchParams();
  const status = params.get('status') === 'closed' ? 'closed' : 'active';
  const filter: WorkFilter = {
    status,
    overdue: status === 'active' && params.get('overdue') === 'yes',
    everyone: params.get('recurring') === 'all',
  };
  const setFilter = (next: WorkFilter) => {
    const search = new URLSearchParams();
    if (next.status === 'closed') search.set('status', 'closed');
    if (next.overdue && next.status === 'active') search.set('overdue', 'yes');
    if (next.everyone) search.set('recurring', 'all');
    setParams(search, { replace: true });
  };
  return { filter, setFilter };
}
