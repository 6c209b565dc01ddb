import { useSearchParams } from 'react-router';
import { patronStatusSchema } from '../../../../shared/schemas/patrons.js';
import type { PatronListFilter } from '../api/patrons';

/** The yes/no filters: absent means "either". */
export const YES_NO_FILTERS = ['hasPhone', 'hasEmail', 'inHousehold'] as const;
export type YesNoFilter = (typeof YES_NO_FILTERS)[number];

function yesNo(value: string | null): 'true' | 'false' | undefined {
  return value === 'true' || value === 'false' ? value : undefined;
}

function text(value: string | null): string | undefined {
  return value === null || value.trim() === '' ? undefined : value;
}

/** The patron list's search and filters live in the address, so back, reload and links keep them. */
export function usePatronFilter() {
  const [params, setParams] = useSearchParams();
  const offset = Number(params.get('offset') ?? '0');
  const status = patronStatusSchema.safeParse(params.get('status'));
  const filter: PatronListFilter = {
    search: text(params.get('search')),
    language: text(params.get('language')),
    branch: text(params.get('branch')),
    status: status.success ? status.data : undefined,
    hasPhone: yesNo(params.get('hasPhone')),
    hasEmail: yesNo(params.get('hasEmail')),
    inHousehold: yesNo(params.get('inHousehold')),
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
  const setFilter = (next: PatronListFilter) => {
    const search = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) {
      if (key === 'offset') continue;
      if (typeof value === 'string' && value.trim() !== '') search.set(key, value.trim());
    }
    if (next.offset > 0) search.set('offset', String(next.offset));
    setParams(search);
  };
  return { filter, setFilter };
}
