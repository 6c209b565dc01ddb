import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  getOwnSipAccount,
  getSipAccount,
  getSoftphoneConfig,
  getTelephonySettings,
  updateOwnSipAccount,
  updateSipAccount,
  updateTelephonySettings,
} from '../api/telephony';
import type { UpdateSipAccountInput } from '../../../../shared/schemas/telephony.js';

export const telephonyKeys = {
  settings: ['telephony', 'settings'] as const,
  ownAccount: ['telephony', 'account', 'me'] as const,
  account: (userId: number) => ['telephony', 'account', userId] as const,
  config: ['telephony', 'config'] as const,
};

export function useTelephonySettings() {
  return useQuery({
    queryKey: telephonyKeys.settings,
    queryFn: ({ signal }) => getTelephonySettings(signal),
  });
}

export function useUpdateTelephonySettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateTelephonySettings,
    onSuccess: (saved) => {
      queryClient.setQueryData(telephonyKeys.settings, saved);
      void queryClient.invalidateQueries({ queryKey: telephonyKeys.config });
    },
  });
}

/**
 * The browser's registration details. Read once per visit to the calling screen (each read is
 * audited, so never refetched on focus or on a timer).
 */
export function useSoftphoneConfig(enabled = true) {
  return useQuery({
    queryKey: telephonyKeys.config,
    queryFn: ({ signal }) => getSoftphoneConfig(signal),
    enabled,
    staleTime: Infinity,
    gcTime: 0,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
    retry: false,
  });
}

export function useOwnSipAccount() {
  return useQuery({
    queryKey: telephonyKeys.ownAccount,
    queryFn: ({ signal }) => getOwnSipAccount(signal),
  });
}

export function useUpdateOwnSipAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateOwnSipAccount,
    onSuccess: (saved) => {
      queryClient.setQueryData(telephonyKeys.ownAccount, saved);
      void queryClient.invalidateQueries({ queryKey: telephonyKeys.config });
    },
  });
}

export function useSipAccount(userId: number) {
  return useQuery({
    queryKey: telephonyKeys.account(userId),
    queryFn: ({ signal }) => getSipAccount(userId, signal),
  });
}

export function useUpdateSipAccount(userId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: UpdateSipAccountInput) => updateSipAccount(userId, input),
    onSuccess: (saved) => queryClient.setQueryData(telephonyKeys.account(userId), saved),
  });
}
