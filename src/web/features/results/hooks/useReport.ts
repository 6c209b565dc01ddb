import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ImpactReport } from '../../../../shared/schemas/results.js';
import { getImpactReport, saveNarrative, type Period } from '../api/results';
import { resultsKeys } from './keys';

export function useImpactReport(campaignId: number | null, period: Period, language: string) {
  return useQuery({
    queryKey: resultsKeys.report(campaignId, period, language),
    queryFn: ({ signal }) => getImpactReport(campaignId, period, language, signal),
    placeholderData: keepPreviousData,
  });
}

/** Saves the narrative; every period's report of that scope shows the new text. */
export function useSaveNarrative() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveNarrative,
    onSuccess: async (saved) => {
      queryClient.setQueriesData<ImpactReport>({ queryKey: resultsKeys.reports }, (report) =>
        report && report.stats.scope.campaignId === saved.campaignId
          ? { ...report, narrative: saved.narrative, narrativeUpdatedAt: saved.updatedAt }
          : report,
      );
      await queryClient.invalidateQueries({ queryKey: resultsKeys.reports, refetchType: 'none' });
    },
  });
}
