import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  CreateReferralInput,
  ReferralServiceInput,
} from '../../../../shared/schemas/followups.js';
import {
  createReferral,
  createReferralService,
  listReferralServices,
  updateReferralService,
} from '../api/referrals';
import { followUpKeys } from './keys';

export function useReferralServices(includeArchived = false, enabled = true) {
  return useQuery({
    queryKey: followUpKeys.directoryList(includeArchived),
    queryFn: ({ signal }) => listReferralServices(includeArchived, signal),
    enabled,
    staleTime: 30_000,
  });
}

export function useSaveReferralService() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number | null; input: ReferralServiceInput }) =>
      id === null ? createReferralService(input) : updateReferralService(id, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: followUpKeys.directory }),
  });
}

/** A referral adds a follow-up task, a line on the escalation's timeline and a directory count. */
export function useCreateReferral() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateReferralInput) => createReferral(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: followUpKeys.all }),
  });
}
