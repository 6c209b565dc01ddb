import { useMutation, useQueryClient } from '@tanstack/react-query';
import type {
  EnrolRecurringCallsInput,
  UpdateRecurringCallsInput,
} from '../../../../shared/schemas/followups.js';
import { enrolRecurringCalls, updateRecurringCalls } from '../api/recurring';
import { followUpKeys } from './keys';

/** Enrolling changes the recurring calls lists and the "My work" counts. */
export function useEnrolRecurringCalls() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: EnrolRecurringCallsInput) => enrolRecurringCalls(input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: followUpKeys.all }),
  });
}

export function useUpdateRecurringCalls() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, input }: { id: number; input: UpdateRecurringCallsInput }) =>
      updateRecurringCalls(id, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: followUpKeys.all }),
  });
}
