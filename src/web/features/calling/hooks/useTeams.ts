import { useQuery } from '@tanstack/react-query';
import { listTeams } from '../api/calls';

/** The teams an information request can go to (the information desk…), read once in a while. */
export function useTeams() {
  return useQuery({
    queryKey: ['teams'],
    queryFn: ({ signal }) => listTeams(signal),
    staleTime: 5 * 60_000,
  });
}
