import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { getCampaignStats, getLibraryStats, listCampaigns, type Period } from '../api/results';
import { resultsKeys } from './keys';

/** A campaign's figures (campaignId), or the whole library's (null), over the period. */
export function useStats(campaignId: number | null, period: Period, language: string) {
  return useQuery({
    queryKey: resultsKeys.stats(campaignId, period, language),
    queryFn: ({ signal }) =>
      campaignId === null
        ? getLibraryStats(period, language, signal)
        : getCampaignStats(campaignId, period, language, signal),
    // A new period keeps the figures shown until the new ones arrive.
    placeholderData: keepPreviousData,
  });
}

/** The campaigns, to choose one (viewers may list them too). */
export function useCampaignNames() {
  return useQuery({
    queryKey: resultsKeys.campaigns,
    queryFn: ({ signal }) => listCampaigns(signal),
    select: (data) => data.items,
    staleTime: 60_000,
  });
}
