import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  actOnEscalation,
  getEscalation,
  listEscalations,
  type EscalationStatusFilter,
  type EscalationStep,
} from '../api/escalations';
import { followUpKeys } from './keys';

export function useEscalationList(status: EscalationStatusFilter) {
  return useQuery({
    queryKey: followUpKeys.escalationList(status),
    queryFn: ({ signal }) => listEscalations(status, signal),
    placeholderData: keepPreviousData,
  });
}

export function useEscalation(id: number) {
  return useQuery({
    queryKey: followUpKeys.escalation(id),
    queryFn: ({ signal }) => getEscalation(id, signal),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** Acknowledge, record an action, close or reopen; the queue and the counts follow. */
export function useActOnEscalation(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ step, text }: { step: EscalationStep; text: string }) =>
      actOnEscalation(id, step, text),
    onSuccess: async (escalation) => {
      queryClient.setQueryData(followUpKeys.escalation(id), escalation);
      await queryClient.invalidateQueries({
        queryKey: followUpKeys.all,
        predicate: (query) => query.queryKey[2] !== id,
      });
    },
  });
}
