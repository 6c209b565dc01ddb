import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listPatrons, type PatronListFilter } from '../api/patrons';

export const patronKeys = {
  all: ['patrons'] as const,
  list: (filter: PatronListFilter) => ['patrons', 'list', filter] as const,
};

export function usePatronList(filter: PatronListFilter) {
  return useQuery({
    queryKey: patronKeys.list(filter),
    queryFn: ({ signal }) => listPatrons(filter, signal),
    placeholderData: keepPreviousData,
  });
}
