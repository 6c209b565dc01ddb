import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { listAuditEntries } from '../api/audit';

export function useAuditEntries(offset: number) {
  return useQuery({
    queryKey: ['audit', offset],
    queryFn: ({ signal }) => listAuditEntries(offset, signal),
    placeholderData: keepPreviousData,
  });
}
