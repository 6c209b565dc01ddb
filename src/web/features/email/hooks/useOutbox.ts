import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  cancelEmail,
  listCampaigns,
  listEvents,
  listOutbox,
  listSuppressions,
  OUTBOX_PAGE_SIZE,
  removeSuppression,
  type OutboxFilter,
} from '../api/outbox';
import { emailKeys } from './keys';

/** Messages newest first; each further page starts below the last id shown. */
export function useOutbox(filter: OutboxFilter, enabled = true) {
  return useInfiniteQuery({
    queryKey: emailKeys.outboxList(filter),
    queryFn: ({ pageParam, signal }) => listOutbox(filter, pageParam, signal),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) =>
      last.items.length < OUTBOX_PAGE_SIZE ? undefined : last.items.at(-1)?.id,
    enabled,
  });
}

export function useCancelEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelEmail,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: emailKeys.outbox }),
        queryClient.invalidateQueries({ queryKey: ['email', 'mailings'] }),
        queryClient.invalidateQueries({ queryKey: emailKeys.status }),
      ]),
  });
}

export function useSuppressions() {
  return useQuery({
    queryKey: emailKeys.suppressions,
    queryFn: ({ signal }) => listSuppressions(signal),
    select: (data) => data.items,
    retry: false,
  });
}

export function useRemoveSuppression() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeSuppression,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: emailKeys.suppressions }),
  });
}

export function useEmailEvents() {
  return useQuery({
    queryKey: emailKeys.events,
    queryFn: ({ signal }) => listEvents(signal),
    select: (data) => data.items,
    retry: false,
  });
}

export function useCampaignNames() {
  return useQuery({
    queryKey: emailKeys.campaigns,
    queryFn: ({ signal }) => listCampaigns(signal),
    select: (data) => data.items,
    staleTime: 60_000,
  });
}
