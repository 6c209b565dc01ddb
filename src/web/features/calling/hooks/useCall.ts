import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef } from 'react';
import type { CallCard, RecordOutcomeInput } from '../../../../shared/schemas/calls.js';
import { isApiError } from '../../../api/client';
import {
  claimNext,
  getCampaign,
  getCurrentCall,
  listCampaigns,
  recordOutcome,
  releaseClaim,
  renewClaim,
} from '../api/calls';

export const callKeys = {
  current: ['calls', 'current'] as const,
  campaigns: ['calls', 'campaigns'] as const,
  campaign: (id: number) => ['calls', 'campaign', id] as const,
};

/** How often the lease is renewed: well inside the server's five minutes. */
const RENEW_EVERY_MS = 60_000;

export function useWorkableCampaigns() {
  return useQuery({
    queryKey: callKeys.campaigns,
    queryFn: ({ signal }) => listCampaigns(signal),
    select: (data) => data.items.filter((c) => c.status === 'active'),
    staleTime: 60_000,
  });
}

export function useCampaignDetails(campaignId: number | undefined) {
  return useQuery({
    queryKey: callKeys.campaign(campaignId ?? 0),
    queryFn: ({ signal }) => getCampaign(campaignId ?? 0, signal),
    enabled: campaignId !== undefined,
    staleTime: 5 * 60_000,
  });
}

/** The call this caller holds, if any: after a reload the screen resumes it. */
export function useCurrentCall() {
  return useQuery({
    queryKey: callKeys.current,
    queryFn: ({ signal }) => getCurrentCall(signal),
    select: (data) => data.call,
    staleTime: Infinity,
  });
}

export function useSetCurrentCall() {
  const queryClient = useQueryClient();
  return useCallback(
    (call: CallCard | null) => queryClient.setQueryData(callKeys.current, { call }),
    [queryClient],
  );
}

export function useClaimNext() {
  const setCall = useSetCurrentCall();
  return useMutation({
    mutationFn: claimNext,
    onSuccess: (result) => {
      if (result.status === 'claimed') setCall(result.call);
    },
  });
}

export function useRelease() {
  const setCall = useSetCurrentCall();
  return useMutation({
    mutationFn: releaseClaim,
    onSuccess: () => setCall(null),
  });
}

export function useRecordOutcome() {
  return useMutation({
    mutationFn: ({ claimId, input }: { claimId: number; input: RecordOutcomeInput }) =>
      recordOutcome(claimId, input),
  });
}

export function isLeaseLost(error: unknown): boolean {
  return isApiError(error) && error.code === 'CONFLICT';
}

/**
 * Keeps the claim alive while the screen is open (signing out puts the patron back on the
 * server). A refused renewal (409) means the lease ran out and someone else may hold the patron now:
 * `onLost` drops the call so nothing can be saved over their work.
 */
export function useLease(call: CallCard | null | undefined, onLost: () => void) {
  const setCall = useSetCurrentCall();
  const lost = useRef(onLost);
  useEffect(() => {
    lost.current = onLost;
  });
  useEffect(() => {
    if (!call) return;
    const renew = () => {
      renewClaim(call)
        .then(({ expiresAt }) => setCall({ ...call, expiresAt }))
        .catch((error: unknown) => {
          if (isLeaseLost(error)) lost.current();
        });
    };
    const timer = window.setInterval(renew, RENEW_EVERY_MS);
    return () => window.clearInterval(timer);
    // A renewal changes expiresAt only; the timer follows the claim itself.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [call?.claimId, call?.token, setCall]);
}
