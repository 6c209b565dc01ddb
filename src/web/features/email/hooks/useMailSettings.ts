import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  checkMail,
  createWebhookToken,
  getMailSettings,
  getMailStatus,
  updateMailSettings,
} from '../api/settings';
import { emailKeys } from './keys';

/** Whether mail really goes out (smtp) or is only written to files (log). */
export function useMailStatus() {
  return useQuery({
    queryKey: emailKeys.status,
    queryFn: ({ signal }) => getMailStatus(signal),
    staleTime: 30_000,
    retry: false,
  });
}

export function useMailSettings() {
  return useQuery({
    queryKey: emailKeys.settings,
    queryFn: ({ signal }) => getMailSettings(signal),
  });
}

export function useUpdateMailSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMailSettings,
    onSuccess: async (settings) => {
      queryClient.setQueryData(emailKeys.settings, settings);
      await queryClient.invalidateQueries({ queryKey: emailKeys.status });
    },
  });
}

export function useCheckMail() {
  return useMutation({ mutationFn: checkMail });
}

export function useCreateWebhookToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWebhookToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: emailKeys.settings }),
  });
}
