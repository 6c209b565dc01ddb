import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import type { CampaignProgress } from '../../../../shared/schemas/calls.js';
import {
  forceRelease,
  getCampaign,
  getProgress,
  listCallers,
  progressStreamUrl,
  reassignCallback,
} from '../api/calls';

export const progressKeys = {
  progress: (id: number) => ['calls', 'progress', id] as const,
  campaign: (id: number) => ['calls', 'campaign', id] as const,
  callers: ['calls', 'callers'] as const,
};

const POLL_EVERY_MS = 10_000;

export type LiveMode = 'connecting' | 'live' | 'polling';

/**
 * A campaign's progress, kept current by the server's event stream. Should the stream fail
 * (a proxy that buffers, a dropped connection) the page asks every ten seconds instead.
 */
export function useLiveProgress(campaignId: number) {
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<LiveMode>(() =>
    typeof EventSource === 'undefined' ? 'polling' : 'connecting',
  );
  const query = useQuery({
    queryKey: progressKeys.progress(campaignId),
    queryFn: ({ signal }) => getProgress(campaignId, signal),
    refetchInterval: mode === 'polling' ? POLL_EVERY_MS : false,
  });
  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const source = new EventSource(progressStreamUrl(campaignId));
    source.addEventListener('open', () => setMode('live'));
    source.addEventListener('progress', (event) => {
      try {
        const progress = JSON.parse((event as MessageEvent<string>).data) as CampaignProgress;
        queryClient.setQueryData(progressKeys.progress(campaignId), progress);
        setMode('live');
      } catch {
        // A malformed event is skipped; the next one brings the whole picture again.
      }
    });
    source.addEventListener('error', () => {
      source.close();
      setMode('polling');
    });
    return () => source.close();
  }, [campaignId, queryClient]);
  return { query, mode };
}

export function useProgressCampaign(campaignId: number) {
  return useQuery({
    queryKey: progressKeys.campaign(campaignId),
    queryFn: ({ signal }) => getCampaign(campaignId, signal),
    staleTime: 60_000,
  });
}

export function useCallers() {
  return useQuery({
    queryKey: progressKeys.callers,
    queryFn: ({ signal }) => listCallers(signal),
    select: (data) => data.items.filter((u) => !u.disabled),
    staleTime: 60_000,
  });
}

export function useForceRelease(campaignId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: forceRelease,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: progressKeys.progress(campaignId) }),
  });
}

export function useReassignCallback(campaignId: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ callListId, callerId }: { callListId: number; callerId: number | null }) =>
      reassignCallback(callListId, callerId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: progressKeys.progress(campaignId) }),
  });
}
