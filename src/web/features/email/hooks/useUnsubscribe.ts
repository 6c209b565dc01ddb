import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { getUnsubscribe, unsubscribe } from '../api/unsubscribe';
import { emailKeys } from './keys';

export function useUnsubscribeInfo(token: string) {
  return useQuery({
    queryKey: emailKeys.unsubscribe(token),
    queryFn: ({ signal }) => getUnsubscribe(token, signal),
    retry: false,
  });
}

export function useUnsubscribe(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => unsubscribe(token),
    onSuccess: (info) => queryClient.setQueryData(emailKeys.unsubscribe(token), info),
  });
}
