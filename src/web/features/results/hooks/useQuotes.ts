import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { listQuotes, updateQuote, type QuoteStatus } from '../api/results';
import { resultsKeys } from './keys';

/** Quotes, newest first: every status for moderators, approved ones only for viewers. */
export function useQuotes(campaignId: number | undefined) {
  return useQuery({
    queryKey: resultsKeys.quotes(campaignId),
    queryFn: ({ signal }) => listQuotes(campaignId, signal),
  });
}

export function useModerateQuote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ quoteId, status }: { quoteId: number; status: QuoteStatus }) =>
      updateQuote(quoteId, status),
    // The quotes lists, and the reports and figures that count approved quotes.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: resultsKeys.all }),
  });
}
